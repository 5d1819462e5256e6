/**
 * Live-page text size in Debian's Chromium with the built extension: what a
 * reader sees (computed sizes), on every kind of fixture, before first paint,
 * across reloads per scope, and exactly undone by reset.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, fontSizes, runCommand, storedPreferences, waitForFontSize } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function pressLarger(times: number, target = page) {
  let result: Awaited<ReturnType<typeof runCommand>> = { ok: false };
  for (let i = 0; i < times; i++) result = await runCommand(session, target, 'increase-text-size');
  return result;
}

async function expectScaled(target: Page, selector: string, baseline: number[], factor: number) {
  await waitForFontSize(target, selector, baseline[0] * factor);
  const sizes = await fontSizes(target, selector);
  expect(sizes).toHaveLength(baseline.length);
  sizes.forEach((size, index) => {
    expect(size, `${selector} #${index}`).toBeCloseTo(baseline[index] * factor, 1);
  });
}

/**
 * The fixtures' first-paint probe, for a page that cannot run it: rAF callbacks
 * run before each frame is painted, so each probe's size is taken in the
 * first frame it is in (the page may paint before all of it is parsed).
 */
function recordFirstFrameSizes(): void {
  const firstSeen = new Map<Element, number>();
  const tick = () => {
    for (const element of document.querySelectorAll('[data-probe]')) {
      if (!firstSeen.has(element)) firstSeen.set(element, Number.parseFloat(getComputedStyle(element).fontSize));
    }
    if (document.readyState !== 'complete') return void requestAnimationFrame(tick);
    (window as { __firstFrame?: unknown }).__firstFrame = Array.from(document.querySelectorAll('[data-probe]'), (element) => ({
      probe: element.getAttribute('data-probe'),
      fontSize: firstSeen.get(element),
    }));
  };
  requestAnimationFrame(tick);
}

const snapshot = (target: Page) => target.evaluate(() => document.documentElement.outerHTML);

describe.each([
  'meti-release.html',
  'japanese-gov.html',
  'px-only.html',
  'rem-em.html',
  'strict-csp.html',
  'iframe-host.html',
  'late-content.html',
])('%s', (fixture) => {
  it('scales every probed text by the chosen factor, and reset restores the page exactly', async () => {
    await page.goto(server.url(fixture));
    if (fixture === 'late-content.html') await page.waitForFunction(() => (window as { __lateDone?: boolean }).__lateDone === true);
    const original = await snapshot(page);
    const baseline = await fontSizes(page, '[data-probe]');
    expect(baseline.length).toBeGreaterThan(1);

    expect(await pressLarger(3)).toMatchObject({ ok: true, textScale: 150, scope: 'global' });
    await expectScaled(page, '[data-probe]', baseline, 1.5);

    expect(await runCommand(session, page, 'decrease-text-size')).toMatchObject({ ok: true, textScale: 125 });
    await expectScaled(page, '[data-probe]', baseline, 1.25);

    expect(await runCommand(session, page, 'reset-text-size')).toMatchObject({ ok: true, textScale: 100 });
    await waitForFontSize(page, '[data-probe]', baseline[0]);
    expect(await fontSizes(page, '[data-probe]')).toEqual(baseline);
    expect(await snapshot(page)).toBe(original);
  });

  it('is already scaled in the first painted frame after a reload', async () => {
    // This page's CSP blocks its own probe script: the same probe comes through the DevTools protocol, which CSP does not govern.
    if (fixture === 'strict-csp.html') await page.addInitScript(recordFirstFrameSizes);
    await page.goto(server.url(fixture));
    const baseline = await fontSizes(page, '[data-probe]');
    await pressLarger(3);
    // Automatic registration follows the new size asynchronously; wait until the boot file says 150.
    await session.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((script) => script.js?.includes('boot/textScale-150.js'))) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error('registration never followed the new size');
    });
    await page.reload();
    const firstFrame = await page
      .waitForFunction(() => (window as { __firstFrame?: unknown }).__firstFrame)
      .then((handle) => handle.jsonValue());
    const sizes = (firstFrame as { fontSize: number }[]).map((entry) => entry.fontSize);
    expect(sizes).toHaveLength(baseline.length);
    sizes.forEach((size, index) => {
      expect(size).toBeCloseTo(baseline[index] * 1.5, 1);
    });
  });
});

describe('scope and persistence', () => {
  it('keeps "all sites" and "this site" sizes apart across reloads and sites', async () => {
    await page.goto(server.url('px-only.html'));
    const baseline = await fontSizes(page, '[data-probe]');
    await pressLarger(3); // all sites: 150%
    // This site gets its own size: copy of 150%, then 200%.
    await session.driver.evaluate(async (origin) => {
      await chrome.storage.sync.set({ [`site:${origin}`]: { textScale: 150 } });
    }, new URL(server.origin).origin);
    expect(await pressLarger(2)).toMatchObject({ ok: true, textScale: 200, scope: 'site' });
    await expectScaled(page, '[data-probe]', baseline, 2);

    await page.reload();
    await expectScaled(page, '[data-probe]', baseline, 2);

    // Same server under another origin (localhost): follows "all sites" at 150%.
    const other = await session.context.newPage();
    await other.goto(server.url('px-only.html').replace('127.0.0.1', 'localhost'));
    await runCommand(session, other, 'reset-text-size').then(() => runCommand(session, other, 'increase-text-size'));
    await expectScaled(other, '[data-probe]', baseline, 1.1);
    await expectScaled(page, '[data-probe]', baseline, 2);
    await other.close();

    const stored = await storedPreferences(session);
    expect(stored.preferences).toMatchObject({ version: 1, textScale: 110 });
    expect(stored[`site:${new URL(server.origin).origin}`]).toEqual({ textScale: 200 });
  });

  it('keeps two tabs of the same site in step', async () => {
    await page.goto(server.url('meti-release.html'));
    const second = await session.context.newPage();
    await second.goto(server.url('meti-release.html'));
    const baseline = await fontSizes(second, '[data-probe]');
    await pressLarger(2);
    await expectScaled(second, '[data-probe]', baseline, 1.25);
    await second.close();
  });

  it('falls back to local storage when sync refuses a write, losing nothing', async () => {
    // An 9 KB field (say, from a newer version) makes the item larger than sync's 8 KB per-item quota.
    const bulky = 'x'.repeat(9000);
    await session.worker.evaluate((bulky) => chrome.storage.local.set({ preferences: { version: 1, textScale: 100, bulky } }), bulky);
    await page.goto(server.url('px-only.html'));
    const baseline = await fontSizes(page, '[data-probe]');
    expect(await runCommand(session, page, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110 });
    await expectScaled(page, '[data-probe]', baseline, 1.1);
    const local = await session.worker.evaluate(() => chrome.storage.local.get('preferences'));
    expect(local.preferences).toEqual({ version: 1, textScale: 110, bulky });
  });

  it('repairs corrupted stored preferences instead of failing', async () => {
    await session.worker.evaluate(() => chrome.storage.sync.set({ preferences: { version: 1, textScale: 'huge', keepMe: 1 } }));
    await page.goto(server.url('px-only.html'));
    const baseline = await fontSizes(page, '[data-probe]');
    expect(await runCommand(session, page, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110 });
    await expectScaled(page, '[data-probe]', baseline, 1.1);
    expect((await storedPreferences(session)).preferences).toEqual({ version: 1, textScale: 110, keepMe: 1 });
  });
});

describe('layout stays usable', () => {
  it.each(['meti-release.html', 'japanese-gov.html', 'px-only.html', 'rem-em.html'])(
    'no two text blocks overlap at double size on %s',
    async (fixture) => {
      await page.goto(server.url(fixture));
      const baseline = await fontSizes(page, '[data-probe]');
      expect(await pressLarger(5)).toMatchObject({ textScale: 200 });
      await expectScaled(page, '[data-probe]', baseline, 2);
      const { blocks: checked, overlaps } = await page.evaluate(() => {
        const pinned = [...document.querySelectorAll('*')].filter((element) =>
          element.getAttributeNames().some((name) => /^data-x[a-z0-9]+-s\d/.test(name)),
        );
        const blocks = pinned.filter((element) => {
          const display = getComputedStyle(element).display;
          return (display === 'block' || display === 'list-item') && element.getClientRects().length > 0;
        });
        const found: string[] = [];
        for (let i = 0; i < blocks.length; i++) {
          for (let j = i + 1; j < blocks.length; j++) {
            const [a, b] = [blocks[i], blocks[j]];
            if (a.contains(b) || b.contains(a)) continue;
            const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
            const width = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const height = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (width > 2 && height > 2)
              found.push(`${a.tagName}:${a.textContent?.slice(0, 20)} / ${b.tagName}:${b.textContent?.slice(0, 20)}`);
          }
        }
        return { blocks: blocks.length, overlaps: found };
      });
      // Enough scaled blocks were compared for "none overlap" to mean something.
      expect(checked).toBeGreaterThan(3);
      expect(overlaps).toEqual([]);
    },
  );
});

describe('pages that change', () => {
  it('scales content that arrives after load, including px text inside an already scaled paragraph', async () => {
    await page.goto(server.url('late-content.html'));
    await page.waitForFunction(() => (window as { __lateDone?: boolean }).__lateDone === true);
    const itemHeading = (await fontSizes(page, '.item h3'))[0];
    const liveSpan = (await fontSizes(page, '#live-paragraph span'))[0];
    await runCommand(session, page, 'reset-text-size');
    await pressLarger(3);
    await waitForFontSize(page, '.item h3', itemHeading * 1.5);
    await page.click('#load-more');
    await page.waitForFunction(() => document.querySelectorAll('.item').length >= 10);
    const headings = await fontSizes(page, '.item h3');
    expect(headings.length).toBeGreaterThanOrEqual(10);
    for (const size of headings) expect(size).toBeCloseTo(itemHeading * 1.5, 1);
    expect((await fontSizes(page, '#live-paragraph span'))[0]).toBeCloseTo(liveSpan * 1.5, 1);
  });

  it('lets the METI site’s own "Font Size Change" buttons work on top of ours', async () => {
    await page.goto(server.url('meti-release.html'));
    const [standard] = await fontSizes(page, '[data-probe="body-paragraph"]');
    await page.click('#fs-large');
    const [siteLarge] = await fontSizes(page, '[data-probe="body-paragraph"]');
    expect(siteLarge).toBeGreaterThan(standard);
    await page.click('#fs-standard');
    await pressLarger(3);
    await waitForFontSize(page, '[data-probe="body-paragraph"]', standard * 1.5);
    await page.click('#fs-large');
    await waitForFontSize(page, '[data-probe="body-paragraph"]', siteLarge * 1.5);
    await page.click('#fs-standard');
    await waitForFontSize(page, '[data-probe="body-paragraph"]', standard * 1.5);
  });

  it('scales the same-origin iframe and open shadow roots', async () => {
    await page.goto(server.url('iframe-host.html'));
    const frame = page.frames().find((candidate) => candidate.url().endsWith('iframe-child.html'));
    if (!frame) throw new Error('iframe not found');
    const frameBaseline = await frame.$$eval('[data-probe]', (elements) =>
      elements.map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    );
    await pressLarger(3);
    await frame.waitForFunction(
      (expected) =>
        Math.abs(Number.parseFloat(getComputedStyle(document.querySelector('[data-probe]') as Element).fontSize) - expected) < 0.06,
      frameBaseline[0] * 1.5,
    );

    await page.goto(server.url('shadow-dom.html'));
    const shadowSize = () =>
      page.evaluate(() => {
        const host = document.querySelector('news-card');
        const paragraph = host?.shadowRoot?.querySelector('[data-probe]');
        return paragraph ? Number.parseFloat(getComputedStyle(paragraph).fontSize) : Number.NaN;
      });
    await waitForFontSize(page, '[data-probe]', (await fontSizes(page, '[data-probe]'))[0]);
    const scaledShadow = await shadowSize();
    await runCommand(session, page, 'reset-text-size');
    await page.waitForFunction((scaled) => {
      const paragraph = document.querySelector('news-card')?.shadowRoot?.querySelector('[data-probe]');
      return paragraph && Number.parseFloat(getComputedStyle(paragraph).fontSize) !== scaled;
    }, scaledShadow);
    const originalShadow = await shadowSize();
    expect(scaledShadow).toBeCloseTo(originalShadow * 1.5, 1);
  });
});
