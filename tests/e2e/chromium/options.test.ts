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
import { useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
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

const harness: OptionsHarness<Page> = {
  openOptions: () => openOptions(),
  storage,
  clear: () => clearPreferences(session),
  store,
  importFile: importText,
};

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

  it('follows changes made elsewhere (the popup, another device)', () => followsChangesMadeElsewhere(harness));
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
    await expectSiteRemoved(harness, options, origin);
  });

  it('shows an empty state when no site has its own settings', async () => {
    const options = await openOptions();
    expect(await options.isVisible('#site-list')).toBe(false);
    expect(await options.isVisible('#sites-empty')).toBe(true);
  });
});

describe('export and import', () => {
  it('exports a file whose content imports back to the same storage', () =>
    exportsAndImportsBack(harness, async (options) => {
      const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
      return { name: download.suggestedFilename(), content: await readFile((await download.path()) as string, 'utf8') };
    }));

  importTests(harness, () => origin);
});

describe('reset everything', () => {
  it('asks first, and works with the keyboard alone', () => resetsWithKeyboard(harness));
});

describe('permissions and shortcuts', () => {
  it('shows where EasyRead may apply settings as pages load', async () => {
    const options = await showsAccessList(harness, ['http://127.0.0.1', 'http://localhost']);
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
  it('uses readable text: nothing under 15px', () => readableText(harness));

  it('labels every control', () => labelsEveryControl(harness));

  it('fits a 360 px window: no sideways scrolling, no option label cut off', async () => {
    const options = await openOptions();
    await options.setViewportSize({ width: 360, height: 800 });
    expect(await narrowWindowProblems(options)).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations (%s mode), with sites, messages and the dialog', async (colorScheme) => {
    await store(SETTINGS);
    const options = await openOptions();
    await options.emulateMedia({ colorScheme });
    await expectNoAxeViolationsInEveryState(harness, options);
  });
});

describe('options page in Japanese', () => {
  let japanese: ExtensionSession;
  useJapaneseChromiumWithServer((_server, readySession) => {
    japanese = readySession;
  });

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
    await options.setViewportSize({ width: 360, height: 800 });
    expect(await narrowWindowProblems(options)).toEqual([]);
  });
});
