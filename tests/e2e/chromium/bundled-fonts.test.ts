/**
 * The bundled fonts (Atkinson Hyperlegible, OpenDyslexic) on the live page in
 * Debian's Chromium: really rendered (the page's font set has them loaded and
 * the text is measurably wider or narrower than the system font it would
 * otherwise fall back to), also under a strict Content-Security-Policy, with
 * icon fonts and code left alone, Japanese text in the system Japanese font,
 * chosen in the popup, applied from the first frame on sites EasyRead may
 * adjust, and gone without a trace when turned off.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROME_DIST, type ExtensionSession, setGlobalPreferences, tabIdOf } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { lacksOurStyle } from '../../support/our-names';
import { bundledFontReady, fontReport } from '../../support/page-fonts';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

const setGlobal = (patch: Record<string, unknown>) => setGlobalPreferences(session, patch);

const PARAGRAPH = '[data-probe="body-paragraph"]';
const FONTS = [
  { font: 'atkinson', face: 'Atkinson Hyperlegible' },
  { font: 'opendyslexic', face: 'OpenDyslexic' },
] as const;

/** The paragraph in the system sans-serif, the stack the bundled fonts fall back to. */
async function systemSansWidth(target: Page): Promise<number> {
  await setGlobal({ pageFont: 'system-sans' });
  await target.waitForFunction(
    (selector) => getComputedStyle(document.querySelector(selector) as Element).fontFamily.startsWith('system-ui'),
    PARAGRAPH,
  );
  return (await target.evaluate(fontReport, { selector: PARAGRAPH, face: 'none' })).width;
}

async function chooseBundled(target: Page, font: string, face: string): Promise<void> {
  await setGlobal({ pageFont: font });
  await target.waitForFunction(bundledFontReady, { selector: PARAGRAPH, face }, { timeout: 10_000 });
}

describe.each(['icons-and-forms.html', 'strict-csp.html'])('bundled fonts on %s', (fixture) => {
  it.each(FONTS)('$face renders on the page, keeps icons and code, and off restores the page exactly', async ({ font, face }) => {
    await page.goto(server.url(fixture));
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const before = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    expect(before.faces).toEqual([]);
    const kept = () =>
      page.evaluate(() => [...document.querySelectorAll('.material-icons, code')].map((element) => getComputedStyle(element).fontFamily));
    const keptBefore = await kept();

    const fallback = await systemSansWidth(page);
    await chooseBundled(page, font, face);
    const chosen = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    expect(chosen.family.replace(/"/g, '').startsWith(`${face}, `), chosen.family).toBe(true);
    expect(chosen.faces.sort()).toEqual(['400 loaded', '700 loaded']);
    expect(chosen.check).toBe(true);
    // Drawn in the bundled font: the same text takes a clearly different width than in the fallback font.
    expect(Math.abs(chosen.width - fallback) / fallback, `${chosen.width} vs ${fallback}`).toBeGreaterThan(0.05);
    expect(await kept()).toEqual(keptBefore);

    await setGlobal({ pageFont: 'off' });
    await page.waitForFunction(lacksOurStyle, 'a');
    const after = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    expect(after.faces).toEqual([]);
    expect(after.total).toBe(before.total);
    expect(after.family).toBe(before.family);
    expect(after.width).toBeCloseTo(before.width, 1);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});

describe('bundled fonts', () => {
  it('switch from one to the other without leaving the first in the page', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    await chooseBundled(page, 'atkinson', 'Atkinson Hyperlegible');
    await chooseBundled(page, 'opendyslexic', 'OpenDyslexic');
    expect((await page.evaluate(fontReport, { selector: PARAGRAPH, face: 'Atkinson Hyperlegible' })).faces).toEqual([]);
    expect((await page.evaluate(fontReport, { selector: PARAGRAPH, face: 'OpenDyslexic' })).faces).toHaveLength(2);
  });

  it('leave Japanese text in the system Japanese font (they cover Latin text only)', async () => {
    await page.goto(server.url('japanese-gov.html'));
    const fallback = await systemSansWidth(page);
    await chooseBundled(page, 'atkinson', 'Atkinson Hyperlegible');
    expect((await page.evaluate(fontReport, { selector: PARAGRAPH, face: 'Atkinson Hyperlegible' })).width).toBeCloseTo(fallback, 0);
  });

  it('are there from the first frame after a reload, through their boot file', async () => {
    expect(existsSync(join(CHROME_DIST, 'boot/pageFont-opendyslexic.js'))).toBe(true);
    expect(existsSync(join(CHROME_DIST, 'boot/pageFont-atkinson.js'))).toBe(true);
    await page.goto(server.url('icons-and-forms.html'));
    await setGlobal({ pageFont: 'opendyslexic' });
    await session.worker.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((script) => script.js?.includes('boot/pageFont-opendyslexic.js'))) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error('registration never followed the new font');
    });
    await page.addInitScript(() => {
      // rAF callbacks run before the frame is painted: a text element in the body of the first painted frame.
      requestAnimationFrame(() => {
        const probe = document.createElement('span');
        document.body.append(probe);
        (window as unknown as { __firstFamily: string }).__firstFamily = getComputedStyle(probe).fontFamily;
        probe.remove();
      });
    });
    await page.reload();
    const first = await page
      .waitForFunction(() => (window as unknown as { __firstFamily?: string }).__firstFamily)
      .then((handle) => handle.jsonValue());
    expect(first).toMatch(/^"?OpenDyslexic"?, /);
    await page.waitForFunction(bundledFontReady, { selector: PARAGRAPH, face: 'OpenDyslexic' }, { timeout: 10_000 });
  });

  it('are offered in the popup, and "Reset everything for this site" takes them away', async () => {
    await page.goto(server.url('icons-and-forms.html'));
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, page)}`);
    await popup.waitForSelector('#controls:not([hidden])');
    await popup.click('#more summary'); // fonts are in "More settings"
    const options = await popup.$$eval('#page-font option', (elements) =>
      (elements as HTMLOptionElement[]).map((option) => [option.value, option.textContent]),
    );
    expect(options).toContainEqual(['atkinson', 'Atkinson Hyperlegible']);
    expect(options).toContainEqual(['opendyslexic', 'OpenDyslexic']);
    await popup.selectOption('#page-font', 'atkinson');
    await page.waitForFunction(bundledFontReady, { selector: PARAGRAPH, face: 'Atkinson Hyperlegible' }, { timeout: 10_000 });
    await popup.click('#reset-site');
    await page.waitForFunction(lacksOurStyle, 'a');
    expect((await page.evaluate(fontReport, { selector: PARAGRAPH, face: 'Atkinson Hyperlegible' })).faces).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
    await popup.close();
  });

  it('are offered on the options page, and the default chosen there reaches open pages', async () => {
    await page.goto(server.url('strict-csp.html'));
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await options.waitForSelector('body[data-ready="true"]');
    const choices = await options.$$eval('#field-page-font option', (elements) =>
      (elements as HTMLOptionElement[]).map((option) => [option.value, option.textContent]),
    );
    expect(choices).toContainEqual(['atkinson', 'Atkinson Hyperlegible']);
    expect(choices).toContainEqual(['opendyslexic', 'OpenDyslexic']);
    await options.selectOption('#field-page-font', 'opendyslexic');
    await page.waitForFunction(bundledFontReady, { selector: PARAGRAPH, face: 'OpenDyslexic' }, { timeout: 10_000 });
    expect(await session.worker.evaluate(() => chrome.storage.sync.get('preferences'))).toMatchObject({
      preferences: { pageFont: 'opendyslexic' },
    });
    await options.close();
  });
});
