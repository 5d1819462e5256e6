/**
 * The options page in Firefox ESR with the built add-on, as in
 * tests/e2e/chromium/options.test.ts where Firefox allows: it is in English,
 * settings changed with the keyboard and the mouse are saved and reach an
 * open page, sites with their own settings are listed and can be sent back,
 * export / import round-trips, valid files are applied and damaged ones
 * refused without touching storage, reset works from the keyboard, and
 * axe-core finds nothing in light and dark.
 */
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/content/adjustments/adjustment-css';
import { optionLabelKey } from '../../../src/shared/option-label-key';
import { PAGE_COLOURS } from '../../../src/shared/preferences/schema';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  downloadPrefs,
  FIREFOX_DARK_MODE,
  type FirefoxExtensionSession,
  fontSizes,
  openExtensionPage,
  openPage,
  storageAreas,
  storePreferences,
  waitForAutoApply,
  waitForDownload,
  waitForFontSizes,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import {
  controlValue,
  evaluateIn,
  focusedId,
  isVisible,
  localizedTexts,
  rgb,
  smallestTextSize,
  tabTo,
  textOf,
  unlabelledControls,
} from '../../support/page-checks';
import { NOTHING_IMPORTED, partlyValidFile, REJECTED_FILES, SETTINGS } from '../../support/settings-files';

const PROBES = '[data-probe]';
const en = messages('en');
/** Firefox saves what the page downloads here without asking (see downloadPrefs). */
const downloads = mkdtempSync(join(tmpdir(), 'easyread-downloads-'));

let server: FixtureServer;
let session: FirefoxExtensionSession;
let origin: string;
/** Settings files written for the file input (see importFile). */
let files: string;
let fileCount = 0;

useFirefoxExtensionWithServer(
  (readyServer, readySession) => {
    server = readyServer;
    session = readySession;
    origin = new URL(server.origin).origin;
  },
  { prefs: downloadPrefs(downloads) },
);

beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'easyread-import-'));
});

afterAll(async () => {
  await rm(files, { recursive: true, force: true });
  await rm(downloads, { recursive: true, force: true });
});

beforeEach(async () => {
  await clearPreferences(session);
  // Fixture pages opened by a test must load with nothing applied.
  await waitForAutoApply(session, 100);
});

afterEach(async () => {
  await closeOtherPages(session);
});

async function openOptions(target = session): Promise<Page> {
  const page = await openExtensionPage(target, 'src/options/index.html');
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const storage = () => storageAreas(session);
const store = (items: Record<string, unknown>) => storePreferences(session, items);
const scaled = (sizes: number[], factor: number) => sizes.map((size) => size * factor);

/**
 * Chooses a settings file in the import field. Playwright's setInputFiles
 * (Chromium) takes the bytes; Puppeteer over WebDriver BiDi takes paths
 * (input.setFiles, which fires "change" as a real choice does), so the
 * content is written to a temporary file first.
 */
async function importFile(page: Page, content: string | Buffer): Promise<void> {
  const path = join(files, `settings-${++fileCount}.json`);
  await writeFile(path, content);
  const input = await page.$('input#import-file');
  if (!input) throw new Error('#import-file missing');
  await input.uploadFile(path);
}

describe('language', () => {
  it('is in English: title, headings, every string and the choices, from _locales/en', async () => {
    const options = await openOptions();
    expect(await options.title()).toBe('EasyRead settings');
    expect(await textOf(options, 'h1')).toBe('EasyRead settings');
    expect(await evaluateIn(options, () => document.documentElement.lang, undefined)).toBe('en');
    const texts = await localizedTexts(options);
    expect(texts.length).toBeGreaterThan(40);
    for (const [key, text] of texts) expect(text, key).toBe(en[key]?.message);
    const colourChoices = await evaluateIn(
      options,
      () => [...(document.querySelector('#field-page-colours') as HTMLSelectElement).options].map((option) => option.text),
      undefined,
    );
    expect(colourChoices).toEqual(PAGE_COLOURS.map((value) => en[optionLabelKey('pageColours', value)].message));
  });
});

describe('settings for all sites', () => {
  it('a text size chosen with the arrow keys reaches an open page, is saved, and is confirmed', async () => {
    const site = await openPage(session, server.url('meti-release.html'));
    const baseline = await fontSizes(site, PROBES);
    const options = await openOptions();
    expect(await controlValue(options, '#field-text-scale')).toBe('100');

    // Five quick presses, as a keyboard user steps down the list: 100 → 110 → 125 → 150 → 175 → 200. Each one is
    // saved at once; a step used to be lost here (the list jumped back to a value read before the last change, and
    // Firefox's storage.sync finished the writes out of order).
    await tabTo(options, '#field-text-scale');
    for (let i = 0; i < 5; i++) await options.keyboard.press('ArrowDown');
    await expect.poll(() => textOf(options, '#status')).toBe('Text size 200%, saved for all sites.');
    expect(await controlValue(options, '#field-text-scale')).toBe('200');
    expect((await storage()).sync.preferences).toEqual({ version: 1, textScale: 200 });
    await waitForFontSizes(site, PROBES, scaled(baseline, 2));
    expect(await focusedId(options)).toBe('field-text-scale');
  });

  it('a checkbox clicked with the mouse and a choice made in a list are saved together', async () => {
    const options = await openOptions();
    await options.click('#field-vertical');
    await expect.poll(() => textOf(options, '#status')).toBe('Vertical writing (縦書き): on, saved for all sites.');
    await options.select('#field-theme', 'gov-blue');
    await expect.poll(() => textOf(options, '#status')).toBe('Colours: Blue background, saved for all sites.');
    await options.select('#field-rate', '1.2');
    await expect
      .poll(async () => (await storage()).sync.preferences)
      .toEqual({
        version: 1,
        readerVertical: true,
        readerTheme: 'gov-blue',
        speechRate: 1.2,
      });
    expect(await evaluateIn(options, () => (document.querySelector('#field-vertical') as HTMLInputElement).checked, undefined)).toBe(true);
  });

  it('follows changes made elsewhere (the popup, another device)', async () => {
    const options = await openOptions();
    await store({ preferences: { version: 1, textScale: 175, readerLineHeight: 2.2 } });
    await expect.poll(() => controlValue(options, '#field-text-scale')).toBe('175');
    // A value no control offers is still shown as it is.
    expect(await controlValue(options, '#field-line-height')).toBe('2.2');
  });
});

describe('sites with their own settings', () => {
  it('lists a site with what it overrides, and "Remove" makes it follow the size for all sites', async () => {
    const site = await openPage(session, server.url('meti-release.html'));
    const baseline = await fontSizes(site, PROBES);
    await store({ preferences: { version: 1, textScale: 125 }, [`site:${origin}`]: { textScale: 200, readerTheme: 'dark' } });
    await waitForFontSizes(site, PROBES, scaled(baseline, 2));

    const options = await openOptions();
    const row = `#site-list li[data-origin="${origin}"]`;
    expect(await textOf(options, `${row} .origin`)).toBe(origin);
    expect(await textOf(options, `${row} .detail`)).toBe('Text size 200% and Colours: Dark');
    expect(await textOf(options, `${row} button`)).toBe('Remove (follow settings for all sites)');

    await options.click(`${row} button`);
    await waitForFontSizes(site, PROBES, scaled(baseline, 1.25));
    await expect.poll(() => textOf(options, '#status')).toBe(`${origin} now follows the settings for all sites.`);
    expect(await options.$(row)).toBeNull();
    expect(await isVisible(options, '#sites-empty')).toBe(true);
    expect(await textOf(options, '#sites-empty')).toContain('No site has its own settings');
    expect(Object.keys((await storage()).sync)).toEqual(['preferences']);
    // The button that had focus is gone: focus moves to the section heading, not to <body>.
    expect(await focusedId(options)).toBe('sites-heading');
  });

  it('shows an empty state when no site has its own settings', async () => {
    const options = await openOptions();
    expect(await isVisible(options, '#site-list')).toBe(false);
    expect(await isVisible(options, '#sites-empty')).toBe(true);
  });
});

describe('export and import', () => {
  it('exports a file whose content imports back to the same storage', async () => {
    await store(SETTINGS);
    const before = await storage();
    const options = await openOptions();

    await options.click('#export');
    const download = await waitForDownload(downloads);
    await rm(join(downloads, download.name));
    expect(download.name).toMatch(/^easyread-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(download.content);
    expect(file).toMatchObject({
      format: 'easyread-settings',
      version: 1,
      preferences: SETTINGS.preferences,
      sites: { 'https://www.meti.go.jp': SETTINGS['site:https://www.meti.go.jp'], 'http://localhost:8080': { readerTheme: 'dark' } },
    });
    expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
    await expect.poll(() => textOf(options, '#status')).toBe('Exported the settings for all sites and 2 sites.');

    await clearPreferences(session);
    await store({ preferences: { version: 1, textScale: 80 }, 'site:https://other.example': { textScale: 300 } });
    await importFile(options, download.content);
    await expect.poll(() => textOf(options, '#import-summary')).toBe('Imported the settings for all sites and 2 sites.');
    const after = await storage();
    // Other sites keep their own settings; everything in the file is exactly as it was exported.
    expect(after.sync).toEqual({ ...before.sync, 'site:https://other.example': { textScale: 300 } });
    expect(after.local).toEqual({});
  });

  it('applies a valid file: the form, the site list and an open page show it', async () => {
    const site = await openPage(session, server.url('meti-release.html'));
    const baseline = await fontSizes(site, PROBES);
    const options = await openOptions();
    const file = {
      format: 'easyread-settings',
      version: 1,
      exportedAt: '2025-04-01T00:00:00.000Z',
      preferences: { textScale: 125, pageColours: 'yellow-on-black' },
      sites: { [origin]: { textScale: 175 } },
    };
    await importFile(options, JSON.stringify(file, null, 2));
    await expect.poll(() => textOf(options, '#import-summary')).toBe('Imported the settings for all sites and 1 site.');
    expect(await textOf(options, '#import-error')).toBe('');
    expect((await storage()).sync).toEqual({
      preferences: { version: 1, textScale: 125, pageColours: 'yellow-on-black' },
      [`site:${origin}`]: { textScale: 175 },
    });
    await expect.poll(() => controlValue(options, '#field-text-scale')).toBe('125');
    expect(await controlValue(options, '#field-page-colours')).toBe('yellow-on-black');
    await expect.poll(() => textOf(options, `#site-list li[data-origin="${origin}"] .detail`)).toBe('Text size 175%');
    // The open page is on the imported site: its own size, and the colours for all sites.
    await waitForFontSizes(site, PROBES, scaled(baseline, 1.75));
    await expect.poll(() => site.evaluate(() => getComputedStyle(document.body).color)).toBe(rgb(PALETTES['yellow-on-black'].text));
  });

  it('imports what it can use and lists every value it left out', async () => {
    const options = await openOptions();
    await importFile(options, partlyValidFile(origin));
    await expect.poll(() => textOf(options, '#import-summary')).toContain('Imported the settings for all sites and 1 site.');
    const summary = await textOf(options, '#import-summary');
    expect(summary).toContain('All sites: “Text size” (textScale) cannot be 5000');
    expect(summary).toContain(`${origin}: “Colours” (readerTheme) cannot be "neon"`);
    expect((await storage()).sync).toEqual({ preferences: { version: 1, readerTheme: 'dark' }, [`site:${origin}`]: { textScale: 175 } });
  });

  it.each(REJECTED_FILES)('refuses %s with a specific message and changes nothing', async (_name, content, message) => {
    await store(SETTINGS);
    const before = await storage();
    const options = await openOptions();
    await importFile(options, content);
    await expect.poll(() => textOf(options, '#import-error')).toContain(message);
    expect(await textOf(options, '#import-error')).toContain(NOTHING_IMPORTED);
    expect(await isVisible(options, '#import-error')).toBe(true);
    expect(await textOf(options, '#import-summary')).toBe('');
    expect(await storage()).toEqual(before);
    expect(await controlValue(options, '#field-text-scale')).toBe('150');
  });
});

describe('reset everything', () => {
  it('asks first, and works with the keyboard alone', async () => {
    await store(SETTINGS);
    const options = await openOptions();
    await tabTo(options, '#reset');

    // Esc cancels and gives focus back.
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedId(options)).toBe('reset-cancel');
    expect(await isVisible(options, '#reset-dialog')).toBe(true);
    await options.keyboard.press('Escape');
    await expect.poll(() => isVisible(options, '#reset-dialog')).toBe(false);
    expect(await focusedId(options)).toBe('reset');
    expect(Object.keys((await storage()).sync).sort()).toEqual(Object.keys(SETTINGS).sort());

    await options.keyboard.press('Enter');
    await expect.poll(() => focusedId(options)).toBe('reset-cancel');
    await options.keyboard.press('Tab');
    expect(await evaluateIn(options, () => document.activeElement?.textContent?.trim(), undefined)).toBe('Yes, reset everything');
    await options.keyboard.press('Enter');
    await expect.poll(() => storage()).toEqual({ sync: {}, local: {} });
    await expect.poll(() => textOf(options, '#status')).toBe('All settings were reset. Every site now uses the default settings.');
    expect(await isVisible(options, '#reset-dialog')).toBe(false);
    expect(await focusedId(options)).toBe('reset');
    await expect.poll(() => isVisible(options, '#sites-empty')).toBe(true);
    expect(await controlValue(options, '#field-text-scale')).toBe('100');
  });
});

describe('permissions and shortcuts', () => {
  it('shows where EasyRead may apply settings as pages load', async () => {
    const options = await openOptions();
    expect(await textOf(options, '#access-status')).toContain('only on the sites listed below');
    expect(await textOf(options, '#access-all')).toBe('Apply automatically on all sites');
    // Revoking is not tried here: Firefox lets an add-on give back even the host access its manifest lists.
    expect(await textOf(options, '#access-list li[data-pattern="http://127.0.0.1/*"]')).toContain('http://127.0.0.1');
  });

  it('lists the keyboard shortcuts Firefox gave, with a way to change them', async () => {
    const options = await openOptions();
    const text = await textOf(options, '#shortcut-list');
    expect(text).toContain('Make text larger');
    expect(text).toContain('Alt+Shift+Period');
    // Firefox has no four-shortcut limit: reset has its own.
    expect(text).toContain('Alt+Shift+0');
    expect(await isVisible(options, '#change-shortcuts')).toBe(true);
  });
});

/** axe-core on the page as it is, with a list of values left out of an import, with a refused file, and with the reset dialog open. */
async function expectNoAxeViolations(options: Page): Promise<void> {
  expect(await axeViolations(options)).toEqual([]);

  await importFile(options, '{"format": "easyread-settings", "version": 1, "preferences": {"textScale": 9999}, "sites": {}}');
  await expect.poll(() => textOf(options, '#import-summary')).toContain('cannot be 9999');
  expect(await axeViolations(options)).toEqual([]);

  await importFile(options, '{"format": "easyread-settings"');
  await expect.poll(() => textOf(options, '#import-error')).toContain('incomplete');
  expect(await axeViolations(options)).toEqual([]);

  await options.click('#reset');
  await options.waitForSelector('#reset-dialog[open]');
  expect(await axeViolations(options)).toEqual([]);
}

describe('accessibility', () => {
  it('uses readable text: nothing under 15px', async () => {
    await store(SETTINGS);
    const options = await openOptions();
    expect(await smallestTextSize(options)).toBeGreaterThanOrEqual(15);
  });

  it('labels every control', async () => {
    const options = await openOptions();
    expect(await unlabelledControls(options)).toEqual([]);
  });

  it('has no axe-core violations (light), with sites, messages and the dialog', async () => {
    await store(SETTINGS);
    const options = await openOptions();
    expect(await evaluateIn(options, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(false);
    await expectNoAxeViolations(options);
  });
});

describe('dark mode', () => {
  // A second Firefox, started with the system in dark mode.
  let dark: FirefoxExtensionSession;
  useFirefoxExtensionWithServer((_server, readySession) => {
    dark = readySession;
  }, FIREFOX_DARK_MODE);

  it('has no axe-core violations (dark), with sites, messages and the dialog', async () => {
    await storePreferences(dark, SETTINGS);
    const options = await openOptions(dark);
    expect(await evaluateIn(options, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(true);
    await expectNoAxeViolations(options);
  });
});
