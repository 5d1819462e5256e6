/**
 * What the options and first-run pages' end-to-end tests check in Chromium
 * and in Firefox, written once. Each function is the browser-independent
 * part of a test: it drives a Playwright or a Puppeteer page through the page
 * checks, and reaches storage and the file input through a harness that each
 * browser's test file provides.
 */
import { expect, it } from 'vitest';
import { PALETTES } from '../../src/features/page-colours';
import { axeViolations } from './axe';
import {
  controlValue,
  evaluateIn,
  focusedId,
  isVisible,
  type KeyboardTarget,
  rgb,
  type ScriptTarget,
  smallestTextSize,
  tabTo,
  textOf,
  textStyle,
  unlabelledControls,
} from './page-checks';
import { NOTHING_IMPORTED, partlyValidFile, REJECTED_FILES, SETTINGS } from './settings-files';

/** A settings page of either library: keys, clicks and scripts. */
export interface SettingsPage extends KeyboardTarget {
  keyboard: { press(key: 'Tab' | 'Enter' | 'Escape' | 'ArrowDown'): Promise<unknown> };
  click(selector: string): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
}

export interface StorageAreas {
  sync: Record<string, unknown>;
  local: Record<string, unknown>;
}

export interface OptionsHarness<P extends SettingsPage> {
  /** The options page in a new tab, once it has rendered (body[data-ready]). */
  openOptions(): Promise<P>;
  storage(): Promise<StorageAreas>;
  /** Empties both storage areas. */
  clear(): Promise<void>;
  /** Writes to storage.sync as the popup, or another device through sync, would. */
  store(items: Record<string, unknown>): Promise<void>;
  /** Chooses a file with this content in the import field, as a user would. */
  importFile(page: P, content: string | Buffer): Promise<void>;
}

/** The form follows a change made elsewhere, and shows a value no control offers as it is. */
export async function followsChangesMadeElsewhere<P extends SettingsPage>(harness: OptionsHarness<P>): Promise<void> {
  const options = await harness.openOptions();
  await harness.store({ preferences: { version: 1, textScale: 175, readerLineHeight: 2.2 } });
  await expect.poll(() => controlValue(options, '#field-text-scale')).toBe('175');
  expect(await controlValue(options, '#field-line-height')).toBe('2.2');
}

/** After "Remove" on the only site's row: confirmed, the list is empty, storage too, and focus is on the heading. */
export async function expectSiteRemoved<P extends SettingsPage>(harness: OptionsHarness<P>, options: P, origin: string): Promise<void> {
  await expect.poll(() => textOf(options, '#status')).toBe(`${origin} now follows the settings for all sites.`);
  expect(await evaluateIn(options, (o) => document.querySelector(`#site-list li[data-origin="${o}"]`) === null, origin)).toBe(true);
  expect(await isVisible(options, '#sites-empty')).toBe(true);
  expect(await textOf(options, '#sites-empty')).toContain('No site has its own settings');
  expect(Object.keys((await harness.storage()).sync)).toEqual(['preferences']);
  // The button that had focus is gone: focus moves to the section heading, not to <body>.
  expect(await focusedId(options)).toBe('sites-heading');
}

/** A file exported with SETTINGS stored: its name, and everything in it. */
function expectExportOfSettings(name: string, content: string): void {
  expect(name).toMatch(/^easyread-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(content);
  expect(file).toMatchObject({
    format: 'easyread-settings',
    version: 1,
    preferences: SETTINGS.preferences,
    sites: { 'https://www.meti.go.jp': SETTINGS['site:https://www.meti.go.jp'], 'http://localhost:8080': { readerTheme: 'dark' } },
  });
  expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
}

/**
 * "Export all settings" with SETTINGS stored (`download` clicks the button and
 * returns the file the browser saved), then that file imported over other
 * settings: everything in it is exactly as it was, sites not in it keep theirs.
 */
export async function exportsAndImportsBack<P extends SettingsPage>(
  harness: OptionsHarness<P>,
  download: (options: P) => Promise<{ name: string; content: string }>,
): Promise<void> {
  await harness.store(SETTINGS);
  const before = await harness.storage();
  const options = await harness.openOptions();
  const { name, content } = await download(options);
  expectExportOfSettings(name, content);
  await expect.poll(() => textOf(options, '#status')).toBe('Exported the settings for all sites and 2 sites.');

  await harness.clear();
  await harness.store({ preferences: { version: 1, textScale: 80 }, 'site:https://other.example': { textScale: 300 } });
  await harness.importFile(options, content);
  await expect.poll(() => textOf(options, '#import-summary')).toBe('Imported the settings for all sites and 2 sites.');
  const after = await harness.storage();
  expect(after.sync).toEqual({ ...before.sync, 'site:https://other.example': { textScale: 300 } });
  expect(after.local).toEqual({});
  await expect.poll(() => controlValue(options, '#field-text-scale')).toBe('150');
}

/** A file with some values out of range: the rest is imported and each value left out is listed. */
async function importsWhatItCan<P extends SettingsPage>(harness: OptionsHarness<P>, origin: string): Promise<void> {
  const options = await harness.openOptions();
  await harness.importFile(options, partlyValidFile(origin));
  await expect.poll(() => textOf(options, '#import-summary')).toContain('Imported the settings for all sites and 1 site.');
  const summary = await textOf(options, '#import-summary');
  expect(summary).toContain('All sites: “Text size” (textScale) cannot be 5000');
  expect(summary).toContain(`${origin}: “Colours” (readerTheme) cannot be "neon"`);
  expect((await harness.storage()).sync).toEqual({
    preferences: { version: 1, readerTheme: 'dark' },
    [`site:${origin}`]: { textScale: 175 },
  });
}

/** A damaged file is refused as a whole with `message` in the page; storage and the form stay as they were. */
async function refusesFile<P extends SettingsPage>(harness: OptionsHarness<P>, content: string | Buffer, message: string): Promise<void> {
  await harness.store(SETTINGS);
  const before = await harness.storage();
  const options = await harness.openOptions();
  await harness.importFile(options, content);
  await expect.poll(() => textOf(options, '#import-error')).toContain(message);
  expect(await textOf(options, '#import-error')).toContain(NOTHING_IMPORTED);
  expect(await isVisible(options, '#import-error')).toBe(true);
  expect(await textOf(options, '#import-summary')).toBe('');
  expect(await harness.storage()).toEqual(before);
  expect(await controlValue(options, '#field-text-scale')).toBe('150');
}

/**
 * The import tests, the same in every browser (declared here once): a partly
 * valid file, and each file in REJECTED_FILES. `origin` is the fixture
 * server's, known once the browser has started.
 */
export function importTests<P extends SettingsPage>(harness: OptionsHarness<P>, origin: () => string): void {
  it('imports what it can use and lists every value it left out', () => importsWhatItCan(harness, origin()));

  it.each(REJECTED_FILES)('refuses %s with a specific message and changes nothing', (_name, content, message) =>
    refusesFile(harness, content, message),
  );
}

/** "Reset everything" asks first (Esc cancels), and works with the keyboard alone. */
export async function resetsWithKeyboard<P extends SettingsPage>(harness: OptionsHarness<P>): Promise<void> {
  await harness.store(SETTINGS);
  const options = await harness.openOptions();
  await tabTo(options, '#reset');

  // Esc cancels and gives focus back.
  await options.keyboard.press('Enter');
  await expect.poll(() => focusedId(options)).toBe('reset-cancel');
  expect(await isVisible(options, '#reset-dialog')).toBe(true);
  await options.keyboard.press('Escape');
  await expect.poll(() => isVisible(options, '#reset-dialog')).toBe(false);
  expect(await focusedId(options)).toBe('reset');
  expect(Object.keys((await harness.storage()).sync).sort()).toEqual(Object.keys(SETTINGS).sort());

  await options.keyboard.press('Enter');
  await expect.poll(() => focusedId(options)).toBe('reset-cancel');
  await options.keyboard.press('Tab');
  expect(await evaluateIn(options, () => document.activeElement?.textContent?.trim(), undefined)).toBe('Yes, reset everything');
  await options.keyboard.press('Enter');
  await expect.poll(() => harness.storage()).toEqual({ sync: {}, local: {} });
  await expect.poll(() => textOf(options, '#status')).toBe('All settings were reset. Every site now uses the default settings.');
  expect(await isVisible(options, '#reset-dialog')).toBe(false);
  expect(await focusedId(options)).toBe('reset');
  await expect.poll(() => isVisible(options, '#sites-empty')).toBe(true);
  expect(await controlValue(options, '#field-text-scale')).toBe('100');
}

/**
 * "Apply when pages load" says EasyRead applies settings as pages open only on
 * the sites listed, and lists exactly `sites` (each with "Revoke"). Returns
 * the page for browser-specific checks.
 */
export async function showsAccessList<P extends SettingsPage>(harness: OptionsHarness<P>, sites: string[]): Promise<P> {
  const options = await harness.openOptions();
  expect(await textOf(options, '#access-status')).toContain('only on the sites listed below');
  expect(await textOf(options, '#access-all')).toBe('Apply automatically on all sites');
  const listed = await evaluateIn(
    options,
    () => [...document.querySelectorAll('#access-list li')].map((item) => (item.textContent ?? '').replace('Revoke', '').trim()),
    undefined,
  );
  expect(listed).toEqual(sites);
  return options;
}

/**
 * axe-core on the options page as it is, then with a list of values left out
 * of an import, with a refused file, and with the reset dialog open.
 */
export async function expectNoAxeViolationsInEveryState<P extends SettingsPage>(harness: OptionsHarness<P>, options: P): Promise<void> {
  expect(await axeViolations(options)).toEqual([]);

  await harness.importFile(options, '{"format": "easyread-settings", "version": 1, "preferences": {"textScale": 9999}, "sites": {}}');
  await expect.poll(() => textOf(options, '#import-summary')).toContain('cannot be 9999');
  expect(await axeViolations(options)).toEqual([]);

  await harness.importFile(options, '{"format": "easyread-settings"');
  await expect.poll(() => textOf(options, '#import-error')).toContain('incomplete');
  expect(await axeViolations(options)).toEqual([]);

  await options.click('#reset');
  await options.waitForSelector('#reset-dialog[open]');
  expect(await axeViolations(options)).toEqual([]);
}

/**
 * On the first-run page: "Larger" three times by keyboard (100 → 150%) and
 * the colours by arrow keys (off → … → yellow on black) show in the sample's
 * computed style at once. `stored` reads storage.sync: nothing is written yet.
 */
export async function chooseSizeAndColoursByKeyboard(page: SettingsPage, stored: () => Promise<Record<string, unknown>>): Promise<void> {
  expect(await textOf(page, '#sample')).toContain('On December 13, 2017, the Ministry of Economy, Trade and Industry (METI)');
  const before = await textStyle(page, '#sample');
  expect(before.fontSize).toBeGreaterThanOrEqual(15);
  expect(await controlValue(page, '#size-select')).toBe('100');

  await tabTo(page, '#larger');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  expect(await controlValue(page, '#size-select')).toBe('150');
  await expect.poll(() => textOf(page, '#status')).toBe('Text size 150%');

  // off → white-on-black → black-on-white → yellow-on-black.
  await tabTo(page, '#colours-select');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  expect(await controlValue(page, '#colours-select')).toBe('yellow-on-black');

  const after = await textStyle(page, '#sample');
  expect(after.fontSize).toBeCloseTo(before.fontSize * 1.5, 1);
  expect(after.color).toBe(rgb(PALETTES['yellow-on-black'].text));
  expect(after.background).toBe(rgb(PALETTES['yellow-on-black'].background));
  expect(await stored()).toEqual({});
}

/** "Save and start" by keyboard writes the choices above for all sites and says so. */
export async function saveByKeyboard(page: SettingsPage, stored: () => Promise<Record<string, unknown>>): Promise<void> {
  await tabTo(page, '#save');
  await page.keyboard.press('Enter');
  await expect.poll(stored).toEqual({ preferences: { version: 1, textScale: 150, pageColours: 'yellow-on-black' } });
  await expect.poll(() => textOf(page, '#status')).toBe('Saved for all sites: text size 150%, High contrast: yellow on black.');
}

/** No text on the options page (with sites listed) is under 15px. */
export async function readableText<P extends SettingsPage>(harness: OptionsHarness<P>): Promise<void> {
  await harness.store(SETTINGS);
  expect(await smallestTextSize(await harness.openOptions())).toBeGreaterThanOrEqual(15);
}

/** Every control on the options page has a label. */
export async function labelsEveryControl<P extends SettingsPage>(harness: OptionsHarness<P>): Promise<void> {
  expect(await unlabelledControls(await harness.openOptions())).toEqual([]);
}

/**
 * The first-run page shows how to pin the toolbar button: the picture is
 * loaded and drawn, described in the page's language, and the steps shown are
 * the ones for this browser (Chrome's or Firefox's).
 */
export async function pinStepsShown(
  page: ScriptTarget,
): Promise<{ pictureWidth: number; alt: string; chromeSteps: boolean; firefoxSteps: boolean }> {
  return evaluateIn(
    page,
    async () => {
      const picture = document.querySelector<HTMLImageElement>('.pin-picture');
      if (!picture) throw new Error('no pin picture');
      await picture.decode();
      const shown = (id: string) => (document.getElementById(id)?.getBoundingClientRect().height ?? 0) > 0;
      return {
        pictureWidth: picture.getBoundingClientRect().width,
        alt: picture.alt,
        chromeSteps: shown('pin-steps-chrome'),
        firefoxSteps: shown('pin-steps-firefox'),
      };
    },
    undefined,
  );
}

/** At 360 px (set by the caller): no sideways scrolling, and no option label cut off (issue 11). */
export async function narrowWindowProblems(page: ScriptTarget): Promise<string[]> {
  const { cutOffOptionLabels } = await import('./popup-layout');
  const width = await evaluateIn(page, () => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }), undefined);
  const problems = await cutOffOptionLabels(page);
  if (width.scroll > width.window) problems.push(`page is ${width.scroll} px wide in a ${width.window} px window`);
  return problems;
}
