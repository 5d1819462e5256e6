/**
 * The toolbar popup in Chromium: the shared scenarios (tests/support/popup-scenarios.ts, also run
 * in Firefox), and the popup in Japanese.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, tabIdOf } from '../../support/chromium';
import { useExtensionWithServer, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { type PopupHarness, type PopupScenario, popupScenarios } from '../../support/popup-scenarios';

let server: FixtureServer;
let session: ExtensionSession;

useExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => {
  await clearPreferences(session);
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
});

async function openPopup(targetTab: number, target = session): Promise<Page> {
  const popup = await target.context.newPage();
  await popup.goto(`chrome-extension://${target.extensionId}/src/popup/index.html?tab=${targetTab}`);
  await popup.waitForSelector('#controls:not([hidden]), #unsupported:not([hidden])');
  return popup;
}

const harness: PopupHarness = {
  async openSite() {
    const site = await session.context.newPage();
    await site.goto(server.url('meti-release.html'));
    return site;
  },
  async openPopup(site) {
    if (site !== 'unsupported') return openPopup(await tabIdOf(session, site as Page));
    const internal = await session.context.newPage();
    await internal.goto('chrome://version');
    const tabId = await session.driver.evaluate(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0]?.id);
    return openPopup(tabId as number);
  },
  unsupportedMessage: messages('en').unsupportedBrowserPage.message,
  origin: () => new URL(server.origin).origin,
  stored: (key) => session.worker.evaluate((key) => chrome.storage.sync.get(key), key),
  async closesItself(popup, action) {
    const closed = (popup as Page).waitForEvent('close');
    await action();
    await closed;
  },
  colorScheme: (popup, colorScheme) => (popup as Page).emulateMedia({ colorScheme }),
  async shortcuts() {
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    const commands = await session.worker.evaluate(() => chrome.commands.getAll());
    return {
      suggested: Object.entries(manifest.commands ?? {})
        .filter(([, command]) => (command as { suggested_key?: unknown }).suggested_key)
        .map(([name]) => name),
      assigned: Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut ?? ''])),
    };
  },
};

describe('popup', () => {
  it.each(Object.keys(popupScenarios) as PopupScenario[])('%s', (name) => popupScenarios[name](harness));
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
