/**
 * The toolbar popup in Firefox ESR: the shared scenarios (tests/support/popup-scenarios.ts, also
 * run in Chromium). The popup in Japanese is in in-japanese.test.ts.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebExtension from 'webextension-polyfill';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  setColorScheme,
  tabIdOf,
  waitForAutoApply,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { evaluateIn } from '../../support/page-checks';
import { type PopupHarness, type PopupScenario, popupScenarios } from '../../support/popup-scenarios';

// The add-on API as seen inside the driver page.
declare const browser: WebExtension.Browser;

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => {
  await clearPreferences(session);
  await waitForAutoApply(session, 100);
});
afterEach(async () => {
  await setColorScheme(session, 'light');
  await closeOtherPages(session);
});

async function openPopup(tabId: number): Promise<Page> {
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${tabId}`);
  await popup.waitForSelector('#controls:not([hidden]), #unsupported:not([hidden])');
  return popup;
}

const harness: PopupHarness = {
  openSite: () => openPage(session, server.url('meti-release.html')),
  async openPopup(site) {
    if (site !== 'unsupported') return openPopup(await tabIdOf(session, site as Page));
    // A tab with no web page in it (the add-on may not open Firefox's own about: pages).
    const tabId = await session.driver.evaluate(async () => (await browser.tabs.create({ url: 'about:blank', active: false })).id);
    return openPopup(tabId as number);
  },
  // On about:blank: automation cannot give the popup page activeTab, so Firefox hides the tab's address from it.
  unsupportedMessage: messages('en').unsupportedNoPage.message,
  origin: () => new URL(server.origin).origin,
  stored: (key) => session.driver.evaluate((key) => browser.storage.sync.get(key), key),
  async closesItself(popup, action) {
    // Firefox lets no script close a tab the add-on opened (a real popup closes): the call to close is what is checked.
    await evaluateIn(
      popup,
      () => Object.assign(window, { close: () => document.documentElement.setAttribute('data-closed', '') }),
      undefined,
    );
    await action();
    await expect.poll(() => evaluateIn(popup, () => document.documentElement.hasAttribute('data-closed'), undefined)).toBe(true);
  },
  colorScheme: (_popup, scheme) => setColorScheme(session, scheme),
  async shortcuts() {
    return session.driver.evaluate(async () => {
      const manifest = browser.runtime.getManifest();
      const commands = await browser.commands.getAll();
      return {
        suggested: Object.entries(manifest.commands ?? {})
          .filter(([, command]) => (command as { suggested_key?: unknown }).suggested_key)
          .map(([name]) => name),
        assigned: Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut ?? ''])),
      };
    });
  },
};

describe('popup', () => {
  it.each(Object.keys(popupScenarios) as PopupScenario[])('%s', (name) => popupScenarios[name](harness));
});
