/**
 * Live-page text size in Firefox ESR: commands sent from an extension page
 * scale every probe by the same factor, the size survives a reload (already in
 * the first painted frame), and reset leaves the page exactly as it was.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import {
  type FirefoxExtensionSession,
  fontSizes,
  runCommand,
  waitForAutoApply,
  waitForFontSizes,
  waitForReaderFrame,
  waitForReaderGone,
} from '../../support/firefox';
import { lacksOurStyle, OUR_ATTRIBUTE } from '../../support/our-names';

const PROBES = '[data-probe]';
const PAGES = ['meti-release.html', 'px-only.html', 'rem-em.html'];
/** 100 → 110 → 125 → 150. */
const INCREASES = [110, 125, 150];
const TOLERANCE = 0.06;

let session: FirefoxExtensionSession;

// Pages opened by a test load with nothing applied.
const open = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

const scaled = (sizes: number[], percent: number) => sizes.map((size) => (size * percent) / 100);

/** Every probe moved well away from its baseline (so a test that changes nothing cannot pass). */
function expectAllChanged(before: number[], after: number[]): void {
  expect(after).toHaveLength(before.length);
  for (const [i, size] of after.entries()) expect(size - before[i]).toBeGreaterThan(1);
}

/** Three increases (100 → 150%); returns the baseline sizes, measured at 100%. */
async function enlargeTo150(page: Page): Promise<number[]> {
  const baseline = await fontSizes(page, PROBES);
  expect(baseline.length).toBeGreaterThan(0);
  for (const step of INCREASES) {
    expect(await runCommand(session, page, 'increase-text-size')).toEqual({ ok: true, textScale: step, scope: 'global' });
  }
  await waitForFontSizes(page, PROBES, scaled(baseline, 150), TOLERANCE);
  expectAllChanged(baseline, await fontSizes(page, PROBES));
  return baseline;
}

describe.each(PAGES)('Firefox text size on %s', (path) => {
  it('increase three times scales every probe by 1.5', async () => {
    const page = await open(path);
    const baseline = await enlargeTo150(page);
    const sizes = await fontSizes(page, PROBES);
    for (const [i, size] of sizes.entries()) expect(size).toBeCloseTo(baseline[i] * 1.5, 1);
  });

  it('keeps 150% after a reload, already in the first painted frame', async () => {
    const page = await open(path);
    const baseline = await enlargeTo150(page);
    const probeNames = await page.$$eval(PROBES, (elements) => elements.map((element) => element.getAttribute('data-probe')));
    // The boot file for 150% must be registered before the reload for the first frame to have it.
    await waitForAutoApply(session, 150);

    await page.reload({ waitUntil: 'load', timeout: 30_000 });
    await waitForFontSizes(page, PROBES, scaled(baseline, 150), TOLERANCE);

    // Set by the page's own inline script in its first requestAnimationFrame (a page global, not a content-script one).
    await page.waitForFunction(() => (window as { __firstFrame?: unknown }).__firstFrame !== undefined, { polling: 100, timeout: 15_000 });
    const firstFrame = await page.evaluate(
      () => (window as unknown as { __firstFrame: { probe: string; fontSize: number }[] }).__firstFrame,
    );
    expect(firstFrame.map((entry) => entry.probe)).toEqual(probeNames);
    for (const [i, entry] of firstFrame.entries()) {
      expect(Math.abs(entry.fontSize - baseline[i] * 1.5), `${entry.probe}: ${entry.fontSize} vs ${baseline[i]} × 1.5`).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  });

  it('reset restores the baseline sizes and the exact original document', async () => {
    const page = await open(path);
    // Loaded with the add-on idle at 100%: this is the page as the site wrote it.
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    expect(original).not.toMatch(OUR_ATTRIBUTE);

    const baseline = await enlargeTo150(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(original);

    expect(await runCommand(session, page, 'reset-text-size')).toEqual({ ok: true, textScale: 100, scope: 'global' });
    await waitForFontSizes(page, PROBES, baseline, TOLERANCE);
    await page
      .waitForFunction((original) => document.documentElement.outerHTML === original, { polling: 100, timeout: 15_000 }, original)
      .catch(() => undefined);
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    expect(after).not.toMatch(OUR_ATTRIBUTE);
    expect(after).toBe(original);
  });
});

describe('Firefox reading mode', () => {
  it('opens over the page with the article, and closes giving the page back exactly', async () => {
    const page = await open('meti-release.html');
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    expect(await frame.$eval('#article-title', (element) => element.textContent)).toContain(
      'Sixth Meeting of the Japan-China Joint IP Working Group',
    );
    expect(await frame.$eval('#content', (element) => element.textContent)).toContain('On December 13, 2017');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: false });
    await waitForReaderGone(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});

describe('Firefox shortcuts', () => {
  it('gets every suggested shortcut from the browser, reset included (no four-key limit here)', async () => {
    const { manifest, commands } = await session.driver.evaluate(async () => ({
      manifest: browser.runtime.getManifest(),
      commands: await browser.commands.getAll(),
    }));
    const suggested = Object.entries(manifest.commands ?? {}).filter(
      ([, command]) => (command as { suggested_key?: unknown }).suggested_key,
    );
    expect(suggested.map(([name]) => name)).toContain('reset-text-size');
    for (const [name] of suggested) expect(commands.find((command) => command.name === name)?.shortcut, name).toBeTruthy();
  });
});

describe('Firefox page adjustments', () => {
  it('paints the yellow-on-black scheme over a page with hostile CSS, and takes it away exactly', async () => {
    const page = await open('hostile-css.html');
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    await session.driver.evaluate(() =>
      browser.storage.sync.set({ preferences: { version: 1, pageColours: 'yellow-on-black', pageSpacing: 'wcag' } }),
    );
    await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(255, 255, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    const paragraph = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('p') as Element);
      return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
    });
    expect(paragraph).toBeCloseTo(1.5, 1);
    await session.driver.evaluate(() => browser.storage.sync.set({ preferences: { version: 1 } }));
    await page.waitForFunction(lacksOurStyle, {}, 'a');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});
