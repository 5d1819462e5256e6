/**
 * "Easy Web Browsing" adjustments of the live page, written once for Chromium and Firefox: what a
 * reader sees (contrast ratios of every text, fonts, spacing, links, focus), over hostile CSS and a
 * dark site, before the first paint, per scope, and undone exactly.
 * Each browser's test file provides the harness (tests/e2e/{chromium,firefox}/adjustments.test.ts).
 */
import { expect } from 'vitest';
import { PALETTES } from '../../src/features/page-colours';
import { snapshot } from './live-page-scenarios';
import { lacksOurStyle } from './our-names';
import { evaluateIn, type KeyboardTarget, rgb, type ScriptTarget, tabTo } from './page-checks';

export interface AdjustedPage extends KeyboardTarget {
  /** Loads another address in the same tab, once loaded. */
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  bringToFront(): Promise<unknown>;
}

export interface PopupPage extends ScriptTarget {
  /** A real pointer click. */
  click(selector: string): Promise<unknown>;
  /** Picks an option of a <select> as a user does (its change event fires). */
  select(selector: string, value: string): Promise<unknown>;
}

export interface AdjustmentsHarness {
  /** The fixture's address on the fixture server, or on the second one (another origin, another site). */
  url(path: string, otherOrigin?: boolean): string;
  /** A tab on the fixture, once loaded (the first one of a test may be a tab the harness already has). */
  open(path: string, otherOrigin?: boolean): Promise<AdjustedPage>;
  /** Changes the settings for all sites as the popup would (fields merged into what is stored). */
  setGlobal(patch: Record<string, unknown>): Promise<void>;
  /** Runs fn in the page before its own scripts on every later load; fn must be self-contained. */
  addInitScript(page: AdjustedPage, fn: () => void): Promise<void>;
  /** The popup for that page's tab, once its controls are shown. */
  openPopup(page: AdjustedPage): Promise<PopupPage>;
  /** Runs fn(arg) in an extension page; fn must be self-contained. */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
}

/** The fixtures every colour scheme is checked on. */
export const COLOUR_FIXTURES = [
  'meti-release.html',
  'japanese-gov.html',
  'px-only.html',
  'rem-em.html',
  'hostile-css.html',
  'strict-csp.html',
  'icons-and-forms.html',
];
const SCHEMES = Object.keys(PALETTES) as (keyof typeof PALETTES)[];
const PARAGRAPH = '[data-probe="body-paragraph"]';

/** Polls fn(arg) in the page until it gives `expected` (a failing run shows what it gave last). */
async function until<A, R>(page: ScriptTarget, fn: (arg: A) => R, arg: A, expected: Awaited<R>): Promise<void> {
  await expect.poll(() => evaluateIn(page, fn, arg), { timeout: 10_000, interval: 100 }).toEqual(expected);
}

const bodyColour = () => getComputedStyle(document.body).color;
const bodyBackground = () => getComputedStyle(document.body).backgroundColor;

/** The lowest contrast ratio between any visible text and the background actually behind it. Self-contained for evaluate(). */
function lowestTextContrast(): { ratio: number; where: string } {
  const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const linear = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const backgroundOf = (element: Element | null): number[] => {
    for (let node = element; node; node = node.parentElement) {
      const [r, g, b, a = 1] = channels(getComputedStyle(node).backgroundColor);
      if (a > 0.5) return [r, g, b];
    }
    return [255, 255, 255];
  };
  let lowest = { ratio: 21, where: '' };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !/\S/.test(node.textContent ?? '') || element.closest('script, style, [aria-hidden="true"]')) continue;
    if (element.getClientRects().length === 0) continue;
    const text = luminance(channels(getComputedStyle(element).color));
    const back = luminance(backgroundOf(element));
    const ratio = (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
    if (ratio < lowest.ratio) lowest = { ratio, where: `${element.tagName}: ${node.textContent?.trim().slice(0, 30)}` };
  }
  return lowest;
}

const lowestContrastOf = (page: ScriptTarget) => evaluateIn(page, lowestTextContrast, undefined);

/** Computed style properties of the first element matching selector. */
function styleOf(page: ScriptTarget, selector: string, properties: string[]): Promise<string[]> {
  return evaluateIn(
    page,
    ({ selector, properties }) => {
      const style = getComputedStyle(document.querySelector(selector) as Element);
      return properties.map((property) => style.getPropertyValue(property));
    },
    { selector, properties },
  );
}

/** Waits until the automatic scripts carry this boot file (what the first frame of a new load gets). */
function waitForBootFile(h: AdjustmentsHarness, boot: string): Promise<void> {
  return h.inExtension(async (boot) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    for (let i = 0; i < 200; i++) {
      const scripts = await api.scripting.getRegisteredContentScripts();
      if (scripts.some((script) => script.js?.some((file) => file.endsWith(boot)))) return;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`automatic registration never carried ${boot}`);
  }, boot);
}

/** Run once per fixture of COLOUR_FIXTURES. */
export async function coloursOnFixture(h: AdjustmentsHarness, fixture: string): Promise<void> {
  const page = await h.open(fixture);
  const original = await snapshot(page);
  for (const scheme of SCHEMES) {
    await h.setGlobal({ pageColours: scheme });
    // Wait for this scheme's own text colour, not just for any scheme.
    await until(page, bodyColour, undefined, rgb(PALETTES[scheme].text));
    const { ratio, where } = await lowestContrastOf(page);
    expect(ratio, `${scheme}: ${where}`).toBeGreaterThanOrEqual(7);
  }
  await h.setGlobal({ pageColours: 'off' });
  await until(page, lacksOurStyle, 'a', true);
  expect(await snapshot(page)).toBe(original);
}

export const adjustmentScenarios = {
  async 'leave images alone (not inverted, still shown) and override a dark site and its !important rules'(h: AdjustmentsHarness) {
    const page = await h.open('icons-and-forms.html');
    await h.setGlobal({ pageColours: 'yellow-on-black' });
    await until(page, bodyColour, undefined, 'rgb(255, 255, 0)');
    expect(await styleOf(page, 'img', ['filter', 'display'])).toEqual(['none', 'inline']);
    // The site's own dark grey field (#333) takes the scheme's black.
    expect(await styleOf(page, 'input', ['background-color'])).toEqual(['rgb(0, 0, 0)']);
    await page.goto(h.url('hostile-css.html'));
    await until(page, bodyBackground, undefined, 'rgb(0, 0, 0)');
    await until(page, bodyColour, undefined, 'rgb(255, 255, 0)');
    expect((await lowestContrastOf(page)).ratio).toBeGreaterThanOrEqual(7);
  },

  async 'change the font but keep icon ligatures and code in their own fonts'(h: AdjustmentsHarness) {
    const page = await h.open('icons-and-forms.html');
    const [iconFont] = await styleOf(page, '.material-icons', ['font-family']);
    const [codeFont] = await styleOf(page, 'code', ['font-family']);
    await h.setGlobal({ pageFont: 'system-serif' });
    await expect.poll(async () => (await styleOf(page, PARAGRAPH, ['font-family']))[0], { timeout: 10_000 }).toMatch(/^Georgia/);
    expect(await styleOf(page, '.material-icons', ['font-family'])).toEqual([iconFont]);
    expect(await styleOf(page, 'code', ['font-family'])).toEqual([codeFont]);
  },

  async 'set WCAG text spacing without clipping text, and combine with the text size'(h: AdjustmentsHarness) {
    const page = await h.open('icons-and-forms.html');
    await h.setGlobal({ pageSpacing: 'wcag', textScale: 150 });
    const measure = async () => {
      const values = await styleOf(page, PARAGRAPH, ['font-size', 'line-height', 'letter-spacing', 'word-spacing']);
      const [fontSize, lineHeight, letterSpacing, wordSpacing] = values.map((value) => Number.parseFloat(value));
      return { fontSize, lineHeight, letterSpacing, wordSpacing };
    };
    // The size first (24 px from 16 px), then the spacing relative to it: each may arrive on its own.
    await expect.poll(async () => (await measure()).fontSize, { timeout: 10_000 }).toBeCloseTo(24, 1);
    await expect.poll(async () => (await measure()).letterSpacing / 24, { timeout: 10_000 }).toBeCloseTo(0.12, 2);
    const { fontSize, lineHeight, wordSpacing } = await measure();
    expect(lineHeight / fontSize).toBeCloseTo(1.5, 1);
    expect(wordSpacing / fontSize).toBeCloseTo(0.16, 2);
    const clipped = await evaluateIn(
      page,
      () =>
        [...document.querySelectorAll('body *')]
          .filter((element) => ['hidden', 'clip'].includes(getComputedStyle(element).overflowY))
          .filter((element) => element.scrollHeight > element.clientHeight + 1)
          .map((element) => element.className),
      undefined,
    );
    expect(clipped).toEqual([]);
  },

  async 'underline every link and show a large focus ring'(h: AdjustmentsHarness) {
    const page = await h.open('icons-and-forms.html');
    await h.setGlobal({ pageLinks: true, pageFocus: true });
    await until(page, () => getComputedStyle(document.querySelector('a') as Element).textDecorationLine, undefined, 'underline');
    await page.bringToFront();
    await tabTo(page, 'a[href]');
    const ring = () => {
      const style = getComputedStyle(document.activeElement as Element);
      return { focused: document.activeElement?.localName, width: style.outlineWidth, colour: style.outlineColor };
    };
    await until(page, ring, undefined, { focused: 'a', width: '4px', colour: 'rgb(255, 140, 0)' });
  },

  async 'are there in the first painted frame after a reload'(h: AdjustmentsHarness) {
    const page = await h.open('meti-release.html');
    await h.setGlobal({ pageColours: 'black-on-yellow' });
    // The boot file for these colours must be registered before the reload for the first frame to have it.
    await waitForBootFile(h, 'boot/pageColours-black-on-yellow.js');
    await h.addInitScript(page, () => {
      requestAnimationFrame(() => {
        (window as unknown as { __firstBackground: string }).__firstBackground = getComputedStyle(document.body).backgroundColor;
      });
    });
    await page.reload();
    await expect
      .poll(() => evaluateIn(page, () => (window as { __firstBackground?: string }).__firstBackground ?? null, undefined), {
        timeout: 15_000,
      })
      .toBe('rgb(255, 255, 0)');
  },

  async 'are chosen in the popup, remembered for this site only when asked, and reset for this site'(h: AdjustmentsHarness) {
    const page = await h.open('px-only.html');
    const before = await evaluateIn(page, bodyBackground, undefined);
    const popup = await h.openPopup(page);
    await popup.click('input[name="scope"][value="site"]');
    await until(popup, () => (document.querySelector('input[name="scope"][value="site"]') as HTMLInputElement).checked, undefined, true);
    await popup.select('#page-colours', 'blue');
    await until(page, bodyBackground, undefined, 'rgb(0, 43, 128)');
    // Another origin follows the settings for all sites. A change for all sites shows there first,
    // so its content script has read the settings: the colours chosen for the first site are not there.
    const other = await h.open('px-only.html', true);
    await h.setGlobal({ pageFont: 'system-serif' });
    await expect.poll(async () => (await styleOf(other, PARAGRAPH, ['font-family']))[0], { timeout: 10_000 }).toMatch(/^Georgia/);
    expect(await evaluateIn(other, bodyBackground, undefined)).toBe(before);
    await popup.click('#more summary'); // "Reset everything for this site" is in "More settings"
    await popup.click('#reset-site');
    await until(page, bodyBackground, undefined, before);
  },
};

export type AdjustmentScenario = keyof typeof adjustmentScenarios;
