/**
 * "Easy Web Browsing" adjustments of the live page in Firefox ESR with the built add-on: the shared
 * scenarios (tests/support/adjustments-scenarios.ts, also run in Chromium).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  type AdjustmentScenario,
  type AdjustmentsHarness,
  adjustmentScenarios,
  COLOUR_FIXTURES,
  coloursOnFixture,
} from '../../support/adjustments-scenarios';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  tabIdOf,
  waitForAutoApply,
} from '../../support/firefox';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

/** A second origin on the same host: the test copy's http://127.0.0.1/* covers every port. */
let other: FixtureServer;
beforeAll(async () => {
  other = await startFixtureServer();
});
afterAll(() => other.close());

// Pages a test opens load with nothing applied.
beforeEach(async () => {
  await clearPreferences(session);
  await waitForAutoApply(session, 100);
});
afterEach(() => closeOtherPages(session));

const harness: AdjustmentsHarness = {
  url: (path, otherOrigin) => (otherOrigin ? other : server).url(path),
  open: (path, otherOrigin) => openPage(session, harness.url(path, otherOrigin)),
  async setGlobal(patch) {
    await session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...((preferences as object) ?? {}), ...patch } });
    }, patch);
  },
  // Over WebDriver BiDi this is a preload script: it runs before the page's own scripts.
  addInitScript: async (page, fn) => void (await (page as Page).evaluateOnNewDocument(fn)),
  async openPopup(site) {
    const popup = await openExtensionPage(session, `src/popup/index.html?tab=${await tabIdOf(session, site as Page)}`);
    await popup.waitForSelector('#controls:not([hidden])');
    return popup;
  },
  inExtension: (fn, arg) => session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
};

describe.each(COLOUR_FIXTURES)('colour schemes on %s', (fixture) => {
  it('give every text at least 7:1 contrast in each scheme, and off restores the page exactly', () => coloursOnFixture(harness, fixture));
});

describe('page adjustments', () => {
  it.each(Object.keys(adjustmentScenarios) as AdjustmentScenario[])('%s', (name) => adjustmentScenarios[name](harness));
});
