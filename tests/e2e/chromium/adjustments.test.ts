/**
 * "Easy Web Browsing" adjustments of the live page in Debian's Chromium with
 * the built extension: what a reader sees (contrast ratios of every text,
 * fonts, spacing, links, focus), over hostile CSS and a dark site, before the
 * first paint, per scope, and undone exactly.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/features/page-colours';
import { type ExtensionSession, setGlobalPreferences, tabIdOf } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { lacksOurStyle } from '../../support/our-names';
import { tabTo } from '../../support/page-checks';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

const setGlobal = (patch: Record<string, unknown>) => setGlobalPreferences(session, patch);

/** The lowest contrast ratio between any visible text and the background actually behind it. */
function lowestTextContrast(target: Page): Promise<{ ratio: number; where: string }> {
  return target.evaluate(() => {
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
  });
}

const FIXTURES = [
  'meti-release.html',
  'japanese-gov.html',
  'px-only.html',
  'rem-em.html',
  'hostile-css.html',
  'strict-csp.html',
  'icons-and-forms.html',
];
const SCHEMES = Object.keys(PALETTES) as (keyof typeof PALETTES)[];
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;

describe.each(FIXTURES)('colour schemes on %s', (fixture) => {
  it('give every text at least 7:1 contrast in each scheme, and off restores the page exactly', async () => {
    await page.goto(server.url(fixture));
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    for (const scheme of SCHEMES) {
      await setGlobal({ pageColours: scheme });
      // Wait for this scheme's own text colour, not just for any scheme.
      await page.waitForFunction((expected) => getComputedStyle(document.body).color === expected, rgb(PALETTES[scheme].text));
      const { ratio, where } = await lowestTextContrast(page);
      expect(ratio, `${scheme}: ${where}`).toBeGreaterThanOrEqual(7);
    }
    await setGlobal({ pageColours: 'off' });
    await page.waitForFunction(lacksOurStyle, 'a');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});

describe('page adjustments', () => {
  it('leave images alone (not inverted, still shown) and override a dark site and its !important rules', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    await setGlobal({ pageColours: 'yellow-on-black' });
    await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(255, 255, 0)');
    expect(await page.$eval('img', (image) => [getComputedStyle(image).filter, getComputedStyle(image).display])).toEqual([
      'none',
      'inline',
    ]);
    expect(await page.$eval('input', (input) => getComputedStyle(input).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.goto(server.url('hostile-css.html'));
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 0, 0)');
    expect((await lowestTextContrast(page)).ratio).toBeGreaterThanOrEqual(7);
  });

  it('change the font but keep icon ligatures and code in their own fonts', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    const iconFont = await page.$eval('.material-icons', (element) => getComputedStyle(element).fontFamily);
    const codeFont = await page.$eval('code', (element) => getComputedStyle(element).fontFamily);
    await setGlobal({ pageFont: 'system-serif' });
    await page.waitForFunction(() =>
      getComputedStyle(document.querySelector('[data-probe="body-paragraph"]') as Element).fontFamily.startsWith('Georgia'),
    );
    expect(await page.$eval('.material-icons', (element) => getComputedStyle(element).fontFamily)).toBe(iconFont);
    expect(await page.$eval('code', (element) => getComputedStyle(element).fontFamily)).toBe(codeFont);
  });

  it('set WCAG text spacing without clipping text, and combine with the text size', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    await setGlobal({ pageSpacing: 'wcag', textScale: 150 });
    const paragraph = '[data-probe="body-paragraph"]';
    await page.waitForFunction(
      (selector) => getComputedStyle(document.querySelector(selector) as Element).letterSpacing !== 'normal',
      paragraph,
    );
    const { fontSize, lineHeight, letterSpacing, wordSpacing } = await page.$eval(paragraph, (element) => {
      const style = getComputedStyle(element);
      return {
        fontSize: Number.parseFloat(style.fontSize),
        lineHeight: Number.parseFloat(style.lineHeight),
        letterSpacing: Number.parseFloat(style.letterSpacing),
        wordSpacing: Number.parseFloat(style.wordSpacing),
      };
    });
    expect(fontSize).toBeCloseTo(24, 1);
    expect(lineHeight / fontSize).toBeCloseTo(1.5, 1);
    expect(letterSpacing / fontSize).toBeCloseTo(0.12, 2);
    expect(wordSpacing / fontSize).toBeCloseTo(0.16, 2);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => ['hidden', 'clip'].includes(getComputedStyle(element).overflowY))
        .filter((element) => element.scrollHeight > element.clientHeight + 1)
        .map((element) => element.className),
    );
    expect(clipped).toEqual([]);
  });

  it('underline every link and show a large focus ring', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    await setGlobal({ pageLinks: true, pageFocus: true });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('a') as Element).textDecorationLine === 'underline');
    await page.bringToFront();
    await tabTo(page, 'a[href]');
    const ring = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { focused: document.activeElement?.localName, width: style.outlineWidth, colour: style.outlineColor };
      });
    await expect.poll(ring, { timeout: 10_000 }).toEqual({ focused: 'a', width: '4px', colour: 'rgb(255, 140, 0)' });
  });

  it('are there in the first painted frame after a reload', async () => {
    await page.goto(server.url('meti-release.html'));
    await setGlobal({ pageColours: 'black-on-yellow' });
    await session.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((script) => script.js?.includes('boot/pageColours-black-on-yellow.js'))) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error('registration never followed the new colours');
    });
    await page.addInitScript(() => {
      requestAnimationFrame(() => {
        (window as unknown as { __firstBackground: string }).__firstBackground = getComputedStyle(document.body).backgroundColor;
      });
    });
    await page.reload();
    const first = await page
      .waitForFunction(() => (window as unknown as { __firstBackground?: string }).__firstBackground)
      .then((handle) => handle.jsonValue());
    expect(first).toBe('rgb(255, 255, 0)');
  });

  it('are chosen in the popup, remembered for this site only when asked, and reset for this site', async () => {
    await page.goto(server.url('px-only.html'));
    const before = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, page)}`);
    await popup.check('input[name="scope"][value="site"]');
    await popup.selectOption('#page-colours', 'blue');
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(0, 43, 128)');
    // Another origin of the same server follows the settings for all sites: unchanged.
    const other = await session.context.newPage();
    await other.goto(server.url('px-only.html').replace('127.0.0.1', 'localhost'));
    expect(await other.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(before);
    await popup.click('#more summary'); // "Reset everything for this site" is in "More settings"
    await popup.click('#reset-site');
    await page.waitForFunction((before) => getComputedStyle(document.body).backgroundColor === before, before);
    await other.close();
    await popup.close();
  });
});
