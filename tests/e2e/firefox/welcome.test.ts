/**
 * The first-run page in Firefox ESR with the built add-on, as in
 * tests/e2e/chromium/welcome.test.ts: it opens on install, in English; the
 * text size and colours chosen with the keyboard show in the sample's
 * computed style, "Save and start" writes them for all sites and pages
 * follow, and axe-core finds nothing in light and dark.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/features/page-colours';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  findOpenedExtensionPage,
  fontSizes,
  openExtensionPage,
  openPage,
  setColorScheme,
  storedPreferences,
  storePreferences,
  waitForAutoApply,
  waitForFontSizes,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { controlValue, evaluateIn, localizedTexts, rgb, smallestTextSize, textOf, textStyle } from '../../support/page-checks';
import { chooseSizeAndColoursByKeyboard, pinStepsShown, saveByKeyboard } from '../../support/settings-page-scenarios';

const WELCOME = 'src/welcome/index.html';
const PARAGRAPH = '[data-probe="body-paragraph"]';
const en = messages('en');

let server: FixtureServer;
let session: FirefoxExtensionSession;

// A browser of its own: the first-run page is the tab a new install opens.
useFirefoxExtensionWithServer(
  (readyServer, readySession) => {
    server = readyServer;
    session = readySession;
  },
  { fresh: true },
);

beforeEach(async () => {
  await clearPreferences(session);
  await waitForAutoApply(session, 100);
});

afterEach(async () => {
  await closeOtherPages(session);
});

async function openWelcome(target = session): Promise<Page> {
  const page = await openExtensionPage(target, WELCOME);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('first run', () => {
  // First in the file: afterEach closes the tab the add-on opened on install.
  it('opens the welcome page when the add-on is installed, in English', async () => {
    const page = await findOpenedExtensionPage(session, WELCOME);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.title()).toBe('Welcome to EasyRead');
    expect(await evaluateIn(page, () => document.documentElement.lang, undefined)).toBe('en');
    const texts = await localizedTexts(page);
    expect(texts.length).toBeGreaterThan(15);
    for (const [key, text] of texts) expect(text, key).toBe(en[key]?.message);
  });

  it("shows how to pin the toolbar button, with a picture and Firefox's own steps", async () => {
    const page = await openWelcome();
    const shown = await pinStepsShown(page);
    expect(shown).toMatchObject({ alt: en.welcomePinAlt.message, chromeSteps: false, firefoxSteps: true });
    expect(shown.pictureWidth).toBeGreaterThan(200);
    expect(await textOf(page, '#pin-steps-firefox')).toContain(en.welcomePinFirefox2.message);
  });

  it('shows the chosen size and colours live, and "Save and start" applies them to all sites', async () => {
    const site = await openPage(session, server.url('meti-release.html'));
    const [siteBaseline] = await fontSizes(site, PARAGRAPH);

    const page = await openWelcome();
    const stored = () => storedPreferences(session);
    // The sample's computed size and colours follow at once; nothing is stored before "Save and start".
    await chooseSizeAndColoursByKeyboard(page, stored);
    await saveByKeyboard(page, stored);

    // The open page follows, and so does one opened afterwards.
    await waitForFontSizes(site, PARAGRAPH, [siteBaseline * 1.5]);
    await waitForAutoApply(session, 150);
    const fresh = await openPage(session, server.url('meti-release.html'));
    await waitForFontSizes(fresh, PARAGRAPH, [siteBaseline * 1.5]);
    await expect
      .poll(() => fresh.$eval(PARAGRAPH, (element) => getComputedStyle(element).color))
      .toBe(rgb(PALETTES['yellow-on-black'].text));
  });

  it('starts from the saved size and colours when opened again', async () => {
    await storePreferences(session, { preferences: { version: 1, textScale: 200, pageColours: 'blue' } });
    const page = await openWelcome();
    expect(await controlValue(page, '#size-select')).toBe('200');
    expect(await controlValue(page, '#colours-select')).toBe('blue');
    const sample = await textStyle(page, '#sample');
    expect(sample.color).toBe(rgb(PALETTES.blue.text));
    expect(sample.background).toBe(rgb(PALETTES.blue.background));
  });

  it('explains both ways to apply automatically and lists the shortcuts', async () => {
    const page = await openWelcome();
    expect(await textOf(page, '#auto-all')).toContain('Apply automatically on all sites');
    expect(await textOf(page, 'main')).toContain('Apply automatically on this site');
    expect(await evaluateIn(page, () => document.querySelectorAll('#shortcut-list dt').length, undefined)).toBeGreaterThan(0);
  });
});

/** axe-core and the 15px floor, as the page opens and with a colour scheme and 200% in the sample. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await page.select('#colours-select', 'blue');
  await page.select('#size-select', '200');
  await expect.poll(() => textStyle(page, '#sample').then((style) => style.background)).toBe(rgb(PALETTES.blue.background));
  expect(await axeViolations(page)).toEqual([]);
  expect(await smallestTextSize(page)).toBeGreaterThanOrEqual(15);
}

describe('accessibility', () => {
  it('axe-core finds no violations (light), also with a colour scheme in the sample', async () => {
    const page = await openWelcome();
    expect(await evaluateIn(page, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(false);
    await expectAccessible(page);
  });
});

describe('dark mode', () => {
  // The system switched to dark while Firefox runs (firefox-privileged.ts), and back after.
  afterEach(async () => setColorScheme(session, 'light'));

  it('axe-core finds no violations (dark), also with a colour scheme in the sample', async () => {
    await setColorScheme(session, 'dark');
    const page = await openWelcome();
    expect(await evaluateIn(page, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(true);
    await expectAccessible(page);
  });
});
