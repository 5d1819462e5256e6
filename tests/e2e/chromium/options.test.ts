/**
 * The options page in Debian's Chromium with the built extension: settings
 * for all sites reach open pages, sites with their own settings can be sent
 * back to them, export / import round-trips and refuses damaged files
 * without touching storage, reset works from the keyboard, and axe-core
 * finds nothing in light, dark and Japanese.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, fontSizes, launchWithExtension, waitForFontSize } from '../../support/chromium';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
import { smallestTextSize, tabTo, unlabelledControls } from '../../support/page-checks';
import { NOTHING_IMPORTED, partlyValidFile, REJECTED_FILES, SETTINGS } from '../../support/settings-files';

let server: FixtureServer;
let session: ExtensionSession;
let origin: string;

beforeAll(async () => {
  server = await startFixtureServer();
  origin = new URL(server.origin).origin;
  session = await launchWithExtension();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

beforeEach(async () => {
  await clearPreferences(session);
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
});

async function openOptions(target = session): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/src/options/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Both storage areas, as the preferences module reads them. */
function storage(): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return session.worker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
}

function store(items: Record<string, unknown>): Promise<void> {
  return session.worker.evaluate((values) => chrome.storage.sync.set(values), items);
}

function importText(page: Page, text: string | Buffer, name = 'settings.json'): Promise<void> {
  return page.setInputFiles('#import-file', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.isBuffer(text) ? text : Buffer.from(text),
  });
}

describe('settings for all sites', () => {
  it('changing the text size here changes the text on an open page, and says it was saved', async () => {
    const site = await session.context.newPage();
    await site.goto(server.url('meti-release.html'));
    const baseline = await fontSizes(site, '[data-probe]');
    const options = await openOptions();
    expect(await options.inputValue('#field-text-scale')).toBe('100');

    await options.selectOption('#field-text-scale', '150');
    await waitForFontSize(site, '[data-probe]', baseline[0] * 1.5);
    await expect.poll(() => options.textContent('#status')).toBe('Text size 150%, saved for all sites.');
    expect((await storage()).sync.preferences).toEqual({ version: 1, textScale: 150 });

    await options.selectOption('#field-theme', 'gov-blue');
    await expect.poll(() => options.textContent('#status')).toBe('Colours: Blue background, saved for all sites.');
    await options.check('#field-vertical');
    await options.selectOption('#field-rate', '1.2');
    await expect
      .poll(async () => (await storage()).sync.preferences)
      .toEqual({ version: 1, textScale: 150, readerTheme: 'gov-blue', readerVertical: true, speechRate: 1.2 });
  });

  it('follows changes made elsewhere (the popup, another device)', async () => {
    const options = await openOptions();
    await store({ preferences: { version: 1, textScale: 175, readerLineHeight: 2.2 } });
    await expect.poll(() => options.inputValue('#field-text-scale')).toBe('175');
    // A value no control offers is still shown as it is.
    expect(await options.inputValue('#field-line-height')).toBe('2.2');
  });
});

describe('sites with their own settings', () => {
  it('lists a site with what it overrides, and "Remove" makes it follow the size for all sites', async () => {
    const site = await session.context.newPage();
    await site.goto(server.url('meti-release.html'));
    const baseline = await fontSizes(site, '[data-probe]');
    await store({ preferences: { version: 1, textScale: 125 }, [`site:${origin}`]: { textScale: 200, readerTheme: 'dark' } });
    await waitForFontSize(site, '[data-probe]', baseline[0] * 2);

    const options = await openOptions();
    const row = options.locator(`#site-list li[data-origin="${origin}"]`);
    expect(await row.textContent()).toContain(origin);
    expect(await row.textContent()).toContain('Text size 200% and Colours: Dark');

    await row.getByRole('button', { name: 'Remove (follow settings for all sites)' }).click();
    await waitForFontSize(site, '[data-probe]', baseline[0] * 1.25);
    await expect.poll(() => options.textContent('#status')).toBe(`${origin} now follows the settings for all sites.`);
    expect(await row.count()).toBe(0);
    expect(await options.isVisible('#sites-empty')).toBe(true);
    expect(await options.textContent('#sites-empty')).toContain('No site has its own settings');
    expect(Object.keys((await storage()).sync)).toEqual(['preferences']);
    // The button that had focus is gone: focus moves to the section heading, not to <body>.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('sites-heading');
  });

  it('shows an empty state when no site has its own settings', async () => {
    const options = await openOptions();
    expect(await options.isVisible('#site-list')).toBe(false);
    expect(await options.isVisible('#sites-empty')).toBe(true);
  });
});

describe('export and import', () => {
  it('exports a file whose content imports back to the same storage', async () => {
    await store(SETTINGS);
    const before = await storage();
    const options = await openOptions();

    const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
    expect(download.suggestedFilename()).toMatch(/^easyread-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const content = await readFile((await download.path()) as string, 'utf8');
    const file = JSON.parse(content);
    expect(file).toMatchObject({
      format: 'easyread-settings',
      version: 1,
      preferences: SETTINGS.preferences,
      sites: { 'https://www.meti.go.jp': SETTINGS['site:https://www.meti.go.jp'], 'http://localhost:8080': { readerTheme: 'dark' } },
    });
    expect(Number.isNaN(Date.parse(file.exportedAt))).toBe(false);
    await expect.poll(() => options.textContent('#status')).toBe('Exported the settings for all sites and 2 sites.');

    await clearPreferences(session);
    await store({ preferences: { version: 1, textScale: 80 }, 'site:https://other.example': { textScale: 300 } });
    await importText(options, content);
    await expect.poll(() => options.textContent('#import-summary')).toBe('Imported the settings for all sites and 2 sites.');
    const after = await storage();
    // Other sites keep their own settings; everything in the file is exactly as it was exported.
    expect(after.sync).toEqual({ ...before.sync, 'site:https://other.example': { textScale: 300 } });
    expect(after.local).toEqual({});
    await expect.poll(() => options.inputValue('#field-text-scale')).toBe('150');
  });

  it('imports what it can use and lists every value it left out', async () => {
    const options = await openOptions();
    await importText(options, partlyValidFile(origin));
    await expect.poll(() => options.textContent('#import-summary')).toContain('Imported the settings for all sites and 1 site.');
    const summary = await options.textContent('#import-summary');
    expect(summary).toContain('All sites: “Text size” (textScale) cannot be 5000');
    expect(summary).toContain(`${origin}: “Colours” (readerTheme) cannot be "neon"`);
    expect((await storage()).sync).toEqual({ preferences: { version: 1, readerTheme: 'dark' }, [`site:${origin}`]: { textScale: 175 } });
  });

  it.each(REJECTED_FILES)('refuses %s with a specific message and changes nothing', async (_name, content, message) => {
    await store(SETTINGS);
    const before = await storage();
    const options = await openOptions();
    await importText(options, content);
    await expect.poll(() => options.textContent('#import-error')).toContain(message);
    expect(await options.textContent('#import-error')).toContain(NOTHING_IMPORTED);
    expect(await options.textContent('#import-summary')).toBe('');
    expect(await storage()).toEqual(before);
    expect(await options.inputValue('#field-text-scale')).toBe('150');
  });
});

describe('reset everything', () => {
  it('asks first, and works with the keyboard alone', async () => {
    await store(SETTINGS);
    const options = await openOptions();
    await tabTo(options, '#reset');

    // Esc cancels and gives focus back.
    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('reset-cancel');
    expect(await options.isVisible('#reset-dialog')).toBe(true);
    await options.keyboard.press('Escape');
    await expect.poll(() => options.isVisible('#reset-dialog')).toBe(false);
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('reset');
    expect(Object.keys((await storage()).sync).sort()).toEqual(Object.keys(SETTINGS).sort());

    await options.keyboard.press('Enter');
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('reset-cancel');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Yes, reset everything');
    await options.keyboard.press('Enter');
    await expect.poll(() => storage()).toEqual({ sync: {}, local: {} });
    await expect.poll(() => options.textContent('#status')).toBe('All settings were reset. Every site now uses the default settings.');
    expect(await options.isVisible('#reset-dialog')).toBe(false);
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('reset');
    await expect.poll(() => options.isVisible('#sites-empty')).toBe(true);
    expect(await options.inputValue('#field-text-scale')).toBe('100');
  });
});

describe('permissions and shortcuts', () => {
  it('shows where EasyRead may apply settings as pages load', async () => {
    const options = await openOptions();
    expect(await options.textContent('#access-status')).toContain('only on the sites listed below');
    expect(await options.textContent('#access-all')).toBe('Apply automatically on all sites');
    const sites = await options.locator('#access-list li').allTextContents();
    expect(sites.map((text) => text.replace('Revoke', '').trim())).toEqual(['http://127.0.0.1', 'http://localhost']);
    // The test copy of the extension has these as required permissions, which browsers refuse to give back.
    await options.locator('#access-list li[data-pattern="http://localhost/*"] button').click();
    await expect.poll(() => options.textContent('#status')).toContain('did not let EasyRead give back its access to http://localhost');
  });

  it('lists the keyboard shortcuts with a way to change them', async () => {
    const options = await openOptions();
    const text = await options.textContent('#shortcut-list');
    expect(text).toContain('Make text larger');
    expect(text).toMatch(/Alt\+Shift\+(\.|Period)/);
    expect(await options.isVisible('#change-shortcuts')).toBe(true);
  });
});

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

  it.each(['light', 'dark'] as const)('has no axe-core violations (%s mode), with sites, messages and the dialog', async (colorScheme) => {
    await store(SETTINGS);
    const options = await openOptions();
    await options.emulateMedia({ colorScheme });
    expect(await axeViolations(options)).toEqual([]);

    await importText(options, '{"format": "easyread-settings", "version": 1, "preferences": {"textScale": 9999}, "sites": {}}');
    await expect.poll(() => options.textContent('#import-summary')).toContain('cannot be 9999');
    expect(await axeViolations(options)).toEqual([]);

    await importText(options, '{"format": "easyread-settings"');
    await expect.poll(() => options.textContent('#import-error')).toContain('incomplete');
    expect(await axeViolations(options)).toEqual([]);

    await options.click('#reset');
    await options.waitForSelector('#reset-dialog[open]');
    expect(await axeViolations(options)).toEqual([]);
  });
});

describe('options page in Japanese', () => {
  let japanese: ExtensionSession;
  beforeAll(async () => {
    japanese = await launchWithExtension({ locale: 'ja-JP', languages: 'ja' });
  });
  afterAll(async () => japanese?.close());

  it('speaks Japanese and has no axe-core violations', async () => {
    await japanese.worker.evaluate(() =>
      chrome.storage.sync.set({ 'site:https://www.meti.go.jp': { textScale: 150, readerTheme: 'dark' } }),
    );
    const options = await openOptions(japanese);
    expect(await options.textContent('h1')).toBe('EasyRead の設定');
    expect(await options.title()).toBe('EasyRead の設定');
    expect(await options.getAttribute('html', 'lang')).toBe('ja');
    expect(await options.textContent('#site-list')).toContain('文字サイズ：150%、配色：ダーク');
    expect(await axeViolations(options)).toEqual([]);
  });
});
