/**
 * The toolbar popup, opened as a page on a given tab (`?tab=<id>`, as a real
 * popup would target the active tab), used with the keyboard only, checked
 * by axe-core in light and dark mode and in Japanese.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, fontSizes, tabIdOf, waitForFontSize } from '../../support/chromium';
import { useExtensionWithServer, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { hasOurHost, lacksOurHost } from '../../support/our-names';

let server: FixtureServer;
let session: ExtensionSession;
let site: Page;

useExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => {
  await clearPreferences(session);
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
  site = await session.context.newPage();
  await site.goto(server.url('meti-release.html'));
});

async function openPopup(targetTab: number, target = session): Promise<Page> {
  const popup = await target.context.newPage();
  await popup.goto(`chrome-extension://${target.extensionId}/src/popup/index.html?tab=${targetTab}`);
  await popup.waitForSelector('#controls:not([hidden]), #unsupported:not([hidden])');
  return popup;
}

/** Tabs until the element matching selector has focus; fails if it is not in the tab order. */
async function tabTo(popup: Page, selector: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await popup.keyboard.press('Tab');
    if (await popup.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

describe('popup', () => {
  it('changes the page text size with the keyboard alone', async () => {
    const baseline = await fontSizes(site, '[data-probe]');
    const popup = await openPopup(await tabIdOf(session, site));
    expect(await popup.textContent('#site-name')).toBe('127.0.0.1');

    await tabTo(popup, '#larger');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.textContent('#status')).toBe('Text size 110%');
    await waitForFontSize(site, '[data-probe]', baseline[0] * 1.1);
    await popup.keyboard.press('Space');
    await waitForFontSize(site, '[data-probe]', baseline[0] * 1.25);
    expect(await popup.inputValue('#size-select')).toBe('125');

    await tabTo(popup, '#size-select');
    await popup.keyboard.press('End'); // 300%
    await waitForFontSize(site, '[data-probe]', baseline[0] * 3);
    expect(await popup.getAttribute('#larger', 'aria-disabled')).toBe('true');

    await tabTo(popup, '#reset');
    await popup.keyboard.press('Enter');
    await waitForFontSize(site, '[data-probe]', baseline[0]);
    // Reset is now unavailable, yet keyboard focus stays on it instead of falling back to <body>.
    await expect.poll(() => popup.getAttribute('#reset', 'aria-disabled')).toBe('true');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('reset');
  });

  it('turns the reading ruler on and off with the keyboard, and starts read aloud on the page', async () => {
    const popup = await openPopup(await tabIdOf(session, site));
    await tabTo(popup, '#page-line-focus');
    await popup.keyboard.press('Space');
    await site.waitForFunction(hasOurHost, 'l', { timeout: 5_000 });
    expect(await popup.isChecked('#page-line-focus')).toBe(true);
    await popup.keyboard.press('Space');
    await site.waitForFunction(lacksOurHost, 'l', { timeout: 5_000 });

    // Read aloud wants the pointer on the page: the popup closes once point-to-read is on.
    await tabTo(popup, '#read-aloud');
    const closed = popup.waitForEvent('close');
    await popup.keyboard.press('Enter');
    await closed;
    await site.waitForFunction(hasOurHost, 'r', { timeout: 5_000 });
  });

  it('switches between "this site" and "all sites" with the keyboard', async () => {
    const popup = await openPopup(await tabIdOf(session, site));
    const origin = new URL(server.origin).origin;
    expect(await popup.isChecked('input[value="global"]')).toBe(true);
    await tabTo(popup, 'input[name="scope"]:checked');
    await popup.keyboard.press('ArrowUp'); // radio group: arrows move and select
    await expect
      .poll(() => session.worker.evaluate((key) => chrome.storage.sync.get(key), `site:${origin}`))
      .toEqual({ [`site:${origin}`]: { textScale: 100 } });
    expect(await popup.isChecked('input[value="site"]')).toBe(true);
    await expect.poll(() => popup.textContent('#status')).toContain('own settings');

    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => session.worker.evaluate((key) => chrome.storage.sync.get(key), `site:${origin}`)).toEqual({});
  });

  it('uses readable text: no control or label under 15px', async () => {
    const popup = await openPopup(await tabIdOf(session, site));
    const smallest = await popup.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('button, select, label, legend, dt, dd, p')].map((element) =>
          Number.parseFloat(getComputedStyle(element).fontSize),
        ),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(15);
  });

  it('gets every suggested shortcut from the browser (none taken by the browser itself)', async () => {
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    const suggested = Object.entries(manifest.commands ?? {})
      .filter(([, command]) => (command as { suggested_key?: unknown }).suggested_key)
      .map(([name]) => name);
    expect(suggested.length).toBeGreaterThan(0);
    const assigned = (name: string) => commands.find((candidate) => candidate.name === name)?.shortcut ?? '';
    expect(suggested.filter((name) => assigned(name) === '')).toEqual([]);
  });

  it('shows which shortcuts exist and how to change them', async () => {
    const popup = await openPopup(await tabIdOf(session, site));
    const text = await popup.textContent('#shortcut-list');
    expect(text).toContain('Make text larger');
    expect(text).toMatch(/Alt\+Shift\+\./);
    // One step away, in "More settings".
    await popup.click('#more summary');
    expect(await popup.isVisible('#change-shortcuts')).toBe(true);
  });

  it('says plainly when the page cannot be changed', async () => {
    const internal = await session.context.newPage();
    await internal.goto('chrome://version');
    const tabId = await session.driver.evaluate(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0]?.id);
    const popup = await openPopup(tabId as number);
    expect(await popup.isVisible('#controls')).toBe(false);
    expect(await popup.textContent('#unsupported')).toContain('cannot change this page');
  });

  it('reports that automatic application is on for the granted test host', async () => {
    const popup = await openPopup(await tabIdOf(session, site));
    expect(await popup.textContent('#auto-status')).toContain('on this site');
    expect(await popup.textContent('#auto-site')).toContain('Stop applying');
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations (%s mode)', async (colorScheme) => {
    const popup = await openPopup(await tabIdOf(session, site));
    await popup.emulateMedia({ colorScheme });
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('popup in Japanese', () => {
  let japanese: ExtensionSession;
  useJapaneseChromiumWithServer((_server, readySession) => {
    japanese = readySession;
  });

  it('speaks Japanese and has no axe-core violations', async () => {
    const page = await japanese.context.newPage();
    await page.goto(server.url('japanese-gov.html'));
    const popup = await openPopup(await tabIdOf(japanese, page), japanese);
    expect(await popup.textContent('#text-size-heading')).toBe('文字サイズ');
    expect(await popup.getAttribute('html', 'lang')).toBe('ja');
    expect(await axeViolations(popup)).toEqual([]);
  });
});
