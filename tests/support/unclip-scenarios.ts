/**
 * Enlarged text stays whole on a page of real-world layouts (real-layouts.html):
 * the scenarios shared by the Chromium and Firefox tests. Each browser's file
 * says how to open the page and change the size; the checks are the same.
 */
import { expect } from 'vitest';
import { boxOf, type LayoutReport, layoutReport, waitForLayout } from './layout-checks';
import { noLeftoversOfOurs } from './our-names';
import { evaluateIn, type ScriptTarget } from './page-checks';

export interface UnclipBrowser {
  page: ScriptTarget;
  /** Sets the text size for all sites, as the popup does. */
  setScale(percent: number): Promise<void>;
  /** The reset command, as the shortcut sends it. */
  reset(): Promise<void>;
  /** The same-origin frame of the page (real-layouts-frame.html). */
  frame(): Promise<ScriptTarget>;
}

export const PAGE = 'real-layouts.html';
export const FRAME = 'real-layouts-frame.html';
const NOTHING_LOST: LayoutReport = { clipped: [], overlaps: [] };
export const SCALES = [150, 200, 300];

/** What hides text on purpose at 100%: the skip link (visually hidden) and the carousel's other slides. */
const AT_100: LayoutReport = { clipped: ['carousel', 'skip-link'], overlaps: [] };

const outerHtml = (page: ScriptTarget) => evaluateIn(page, () => document.documentElement.outerHTML, undefined);

/** The fixed-height notice inside the page's open shadow root: its height and what it hides, and the root's HTML. */
const shadowNotice = (page: ScriptTarget) =>
  evaluateIn(
    page,
    () => {
      const root = document.getElementById('shadow-notice')?.shadowRoot;
      const notice = root?.querySelector('.notice');
      if (!root || !notice) throw new Error('no shadow notice');
      return { height: notice.getBoundingClientRect().height, hidden: notice.scrollHeight - notice.clientHeight, html: root.innerHTML };
    },
    undefined,
  );

async function waitUntil<A>(page: ScriptTarget, check: (arg: A) => boolean, arg: A, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await evaluateIn(page, check, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** 14px text at the chosen size, so the scaler has applied it. */
function waitForScale(page: ScriptTarget, percent: number, selector = '.card p'): Promise<void> {
  return waitUntil(
    page,
    ({ selector, expected }) =>
      Math.abs(Number.parseFloat(getComputedStyle(document.querySelector(selector) as Element).fontSize) - expected) < 0.06,
    { selector, expected: (14 * percent) / 100 },
    `${percent}%`,
  );
}

async function resetAndExpect(browser: UnclipBrowser, html: string): Promise<void> {
  await browser.reset();
  await waitUntil(browser.page, (expected) => document.documentElement.outerHTML === expected, html, 'the page as it was');
  expect(await outerHtml(browser.page)).toBe(html);
}

export async function keepsTextWholeAtEveryScale(browser: UnclipBrowser): Promise<void> {
  const { page } = browser;
  const frame = await browser.frame();
  await waitUntil(frame, () => document.readyState === 'complete', undefined, 'the frame');
  const html = await outerHtml(page);
  const frameHtml = await outerHtml(frame);
  expect(await layoutReport(page)).toEqual(AT_100);
  expect(await layoutReport(frame)).toEqual(NOTHING_LOST);
  const forecast = await boxOf(frame, '[data-box="forecast"]');
  const notice = await shadowNotice(page);
  expect(notice.hidden).toBeLessThanOrEqual(1);
  const card = await boxOf(page, '[data-box="card-1"]');
  const nav = await boxOf(page, '[data-box="nav"]');
  const carousel = await boxOf(page, '[data-box="carousel"]');
  // The carousel's track holds three slides side by side, and shows one.
  expect(carousel.scrollWidth).toBeGreaterThan(carousel.width * 2.5);

  for (const percent of SCALES) {
    await browser.setScale(percent);
    await waitForScale(page, percent);
    // No box cuts off text it showed whole at 100%, and no text is drawn over other text.
    expect(await waitForLayout(page, AT_100), `at ${percent}%`).toEqual(AT_100);
    // The fixed-height card and nav grew to hold their enlarged text.
    expect((await boxOf(page, '[data-box="card-1"]')).height).toBeGreaterThan(card.height);
    expect((await boxOf(page, '[data-box="nav"]')).height).toBeGreaterThan(nav.height);
    // What hides on purpose still does: the skip link is 1×1 px, the carousel one slide wide.
    const skip = await boxOf(page, '[data-box="skip-link"]');
    expect([skip.width, skip.height]).toEqual([1, 1]);
    const carouselNow = await boxOf(page, '[data-box="carousel"]');
    expect(carouselNow.width).toBe(carousel.width);
    expect(carouselNow.scrollWidth).toBeGreaterThan(carouselNow.width * 2.5);
    // In the framed widget too (unclip runs in every frame whose text is scaled).
    await waitForScale(frame, percent, '.forecast p');
    expect(await waitForLayout(frame, NOTHING_LOST), `frame at ${percent}%`).toEqual(NOTHING_LOST);
    expect((await boxOf(frame, '[data-box="forecast"]')).height).toBeGreaterThan(forecast.height);
    // And in an open shadow root.
    await waitUntil(
      page,
      () => {
        const element = document.getElementById('shadow-notice')?.shadowRoot?.querySelector('.notice');
        return element !== null && element !== undefined && element.scrollHeight <= element.clientHeight + 1;
      },
      undefined,
      `the shadow notice whole at ${percent}%`,
    );
    expect((await shadowNotice(page)).height).toBeGreaterThan(notice.height);
    // The scroll box still scrolls.
    const scrolled = await evaluateIn(
      page,
      () => {
        const box = document.querySelector('[data-box="scroll-box"]') as HTMLElement;
        box.scrollTop = 40;
        const top = box.scrollTop;
        box.scrollTop = 0;
        return { top, overflowY: getComputedStyle(box).overflowY, room: box.scrollHeight - box.clientHeight };
      },
      undefined,
    );
    expect(scrolled.overflowY).toBe('auto');
    expect(scrolled.room).toBeGreaterThan(40);
    expect(scrolled.top).toBe(40);
  }
  await resetAndExpect(browser, html);
  expect(await shadowNotice(page)).toEqual(notice);
  await waitUntil(frame, (expected) => document.documentElement.outerHTML === expected, frameHtml, 'the frame as it was');
  expect(await outerHtml(frame)).toBe(frameHtml);
}

export async function keepsLateContentWhole(browser: UnclipBrowser): Promise<void> {
  const { page } = browser;
  const html = await outerHtml(page);
  await browser.setScale(200);
  await waitForScale(page, 200);
  expect(await waitForLayout(page, AT_100)).toEqual(AT_100);

  await evaluateIn(page, () => (document.getElementById('add-card') as HTMLButtonElement).click(), undefined);
  expect(await evaluateIn(page, () => document.querySelector('[data-box="card-late"]') !== null, undefined)).toBe(true);
  expect(await waitForLayout(page, AT_100)).toEqual(AT_100);
  // Its fixed 150px grew with its text.
  expect((await boxOf(page, '[data-box="card-late"]')).height).toBeGreaterThan(150);

  await browser.reset();
  await waitUntil(page, noLeftoversOfOurs, undefined, 'reset');
  // Without the card the page added, the page is exactly as it was.
  await evaluateIn(page, () => document.querySelector('[data-box="card-late"]')?.remove(), undefined);
  expect(await outerHtml(page)).toBe(html);
}

export async function letsThePageCollapseWhatItRelaxed(browser: UnclipBrowser): Promise<void> {
  const { page } = browser;
  const html = await outerHtml(page);
  const open = await boxOf(page, '[data-box="faq-panel"]');
  await browser.setScale(200);
  await waitForScale(page, 200);
  expect(await waitForLayout(page, AT_100)).toEqual(AT_100);
  expect((await boxOf(page, '[data-box="faq-panel"]')).height).toBeGreaterThan(open.height);

  const toggle = () => evaluateIn(page, () => (document.getElementById('faq-toggle') as HTMLButtonElement).click(), undefined);
  await toggle();
  // Collapsed by the page: our room for its text must not hold it open.
  await waitUntil(
    page,
    () => (document.getElementById('faq-panel') as HTMLElement).getBoundingClientRect().height === 0,
    undefined,
    'collapsed',
  );
  expect((await boxOf(page, '[data-box="faq-panel"]')).height).toBe(0);
  await toggle();
  expect(await waitForLayout(page, AT_100)).toEqual(AT_100);
  expect((await boxOf(page, '[data-box="faq-panel"]')).height).toBeGreaterThan(open.height);
  await resetAndExpect(browser, html);
}
