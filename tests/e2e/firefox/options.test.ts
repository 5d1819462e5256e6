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
import { PAGE_COLOURS, PALETTES } from '../../../src/features/page-colours';
import { optionLabelKey } from '../../../src/shared/option-label-key';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  downloadPrefs,
  type FirefoxExtensionSession,
  fontSizes,
  openExtensionPage,
  openPage,
  setColorScheme,
  storageAreas,
  storePreferences,
  waitForAutoApply,
  waitForDownload,
  waitForFontSizes,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { controlValue, evaluateIn, focusedId, isVisible, localizedTexts, rgb, tabTo, textOf } from '../../support/page-checks';
import { SETTINGS } from '../../support/settings-files';
import {
  expectNoAxeViolationsInEveryState,
  expectSiteRemoved,
  exportsAndImportsBack,
  followsChangesMadeElsewhere,
  importTests,
  labelsEveryControl,
  narrowWindowProblems,
  type OptionsHarness,
  readableText,
  resetsWithKeyboard,
  showsAccessList,
} from '../../support/settings-page-scenarios';

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

/** Storage and the file input of one Firefox (read when used: sessions start in beforeAll), for the checks shared with Chromium. */
function harnessFor(target: () => FirefoxExtensionSession): OptionsHarness<Page> {
  return {
    openOptions: () => openOptions(target()),
    storage: () => storageAreas(target()),
    clear: () => clearPreferences(target()),
    store: (items) => storePreferences(target(), items),
    importFile,
  };
}
const harness = harnessFor(() => session);

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

  it('fits a 360 px window: no sideways scrolling, no option label cut off', async () => {
    const options = await openOptions();
    await options.setViewport({ width: 360, height: 800 });
    expect(await narrowWindowProblems(options)).toEqual([]);
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

  it('follows changes made elsewhere (the popup, another device)', () => followsChangesMadeElsewhere(harness));
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
    await expectSiteRemoved(harness, options, origin);
  });

  it('shows an empty state when no site has its own settings', async () => {
    const options = await openOptions();
    expect(await isVisible(options, '#site-list')).toBe(false);
    expect(await isVisible(options, '#sites-empty')).toBe(true);
  });
});

describe('export and import', () => {
  it('exports a file whose content imports back to the same storage', () =>
    exportsAndImportsBack(harness, async (options) => {
      // Firefox saves it into `downloads` without asking (downloadPrefs); Puppeteer has no download event over BiDi.
      await options.click('#export');
      const download = await waitForDownload(downloads);
      await rm(join(downloads, download.name));
      return download;
    }));

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

  importTests(harness, () => origin);
});

describe('reset everything', () => {
  it('asks first, and works with the keyboard alone', () => resetsWithKeyboard(harness));
});

describe('permissions and shortcuts', () => {
  // Revoking is not tried here (the Chromium test does): Firefox lets an add-on give back even the host access its
  // manifest lists, and the rest of this file needs it.
  it('shows where EasyRead may apply settings as pages load', () => showsAccessList(harness, ['http://127.0.0.1']));

  it('lists the keyboard shortcuts Firefox gave, with a way to change them', async () => {
    const options = await openOptions();
    const text = await textOf(options, '#shortcut-list');
    expect(text).toContain('Make text larger');
    // Shown as the keys to press (Firefox reports "Alt+Shift+Period").
    expect(text).toContain('Alt+Shift+.');
    expect(text).not.toContain('Period');
    // Firefox has no four-shortcut limit: reset has its own.
    expect(text).toContain('Alt+Shift+0');
    expect(await isVisible(options, '#change-shortcuts')).toBe(true);
  });

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

describe('accessibility', () => {
  it('uses readable text: nothing under 15px', () => readableText(harness));

  it('labels every control', () => labelsEveryControl(harness));

  it('has no axe-core violations (light), with sites, messages and the dialog', async () => {
    await store(SETTINGS);
    const options = await openOptions();
    expect(await evaluateIn(options, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(false);
    await expectNoAxeViolationsInEveryState(harness, options);
  });
});

describe('dark mode', () => {
  // The system switched to dark while Firefox runs (firefox-privileged.ts), and back after.
  afterEach(async () => setColorScheme(session, 'light'));

  it('has no axe-core violations (dark), with sites, messages and the dialog', async () => {
    await setColorScheme(session, 'dark');
    await store(SETTINGS);
    const options = await openOptions();
    expect(await evaluateIn(options, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(true);
    await expectNoAxeViolationsInEveryState(harness, options);
  });
});
