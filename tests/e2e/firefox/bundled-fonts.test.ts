/**
 * The bundled fonts on the live page in Firefox ESR: loaded into the page's
 * font set and really drawn (measured against the system font they fall back
 * to), under a strict Content-Security-Policy too, icon fonts and code left
 * alone, and gone without a trace when turned off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer, useFirefoxPagesPerTest } from '../../support/extension-with-server';
import { clearPreferences, type FirefoxExtensionSession } from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { lacksOurStyle } from '../../support/our-names';
import { bundledFontReady, fontReport } from '../../support/page-fonts';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(() => clearPreferences(session));

const open = useFirefoxPagesPerTest(() => ({ server, session }));

function setPageFont(pageFont: string): Promise<void> {
  return session.driver.evaluate((pageFont) => browser.storage.sync.set({ preferences: { version: 1, pageFont } }), pageFont);
}

const PARAGRAPH = '[data-probe="body-paragraph"]';
const waitOptions = { polling: 100, timeout: 15_000 };

describe.each(['icons-and-forms.html', 'strict-csp.html'])('Firefox bundled fonts on %s', (fixture) => {
  it.each([
    { font: 'atkinson', face: 'Atkinson Hyperlegible' },
    { font: 'opendyslexic', face: 'OpenDyslexic' },
  ])('$face renders on the page, keeps icons and code, and off restores the page exactly', async ({ font, face }) => {
    const page = await open(fixture);
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    const before = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    const kept = () =>
      page.evaluate(() => [...document.querySelectorAll('.material-icons, code')].map((element) => getComputedStyle(element).fontFamily));
    const keptBefore = await kept();

    await setPageFont('system-sans');
    await page.waitForFunction(
      (selector) => getComputedStyle(document.querySelector(selector) as Element).fontFamily.startsWith('system-ui'),
      waitOptions,
      PARAGRAPH,
    );
    const fallback = (await page.evaluate(fontReport, { selector: PARAGRAPH, face })).width;

    await setPageFont(font);
    await page.waitForFunction(bundledFontReady, waitOptions, { selector: PARAGRAPH, face });
    const chosen = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    expect(chosen.faces.sort()).toEqual(['400 loaded', '700 loaded']);
    expect(chosen.check).toBe(true);
    expect(Math.abs(chosen.width - fallback) / fallback, `${chosen.width} vs ${fallback}`).toBeGreaterThan(0.05);
    expect(await kept()).toEqual(keptBefore);

    await setPageFont('off');
    await page.waitForFunction(lacksOurStyle, waitOptions, 'a');
    const after = await page.evaluate(fontReport, { selector: PARAGRAPH, face });
    expect(after.faces).toEqual([]);
    expect(after.total).toBe(before.total);
    expect(after.family).toBe(before.family);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});
