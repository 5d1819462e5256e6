/**
 * "Easy Web Browsing" adjustments of the live page in Debian's Chromium with the built extension:
 * the shared scenarios (tests/support/adjustments-scenarios.ts, also run in Firefox).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import {
  type AdjustmentScenario,
  type AdjustmentsHarness,
  adjustmentScenarios,
  COLOUR_FIXTURES,
  coloursOnFixture,
} from '../../support/adjustments-scenarios';
import { setGlobalPreferences, tabIdOf } from '../../support/chromium';
import { type FreshTab, useFreshTabPerTest } from '../../support/extension-with-server';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';

let fresh: FreshTab;
useFreshTabPerTest((ready) => {
  fresh = ready;
});

/** A second origin on the same host: the test copy's http://127.0.0.1/* covers every port. */
let other: FixtureServer;
beforeAll(async () => {
  other = await startFixtureServer();
});
afterAll(() => other.close());

/** Pages of this test; the first is the fresh tab, which useFreshTabPerTest closes before the next test. */
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (page !== fresh.page) await page.close().catch(() => undefined);
});

async function newPage(): Promise<Page> {
  const page = opened.length === 0 ? fresh.page : await fresh.session.context.newPage();
  opened.push(page);
  return page;
}

const harness: AdjustmentsHarness = {
  url: (path, otherOrigin) => (otherOrigin ? other : fresh.server).url(path),
  async open(path, otherOrigin) {
    const page = await newPage();
    await page.goto(harness.url(path, otherOrigin));
    return page;
  },
  setGlobal: (patch) => setGlobalPreferences(fresh.session, patch),
  addInitScript: async (page, fn) => void (await (page as Page).addInitScript(fn)),
  async openPopup(site) {
    const popup = await newPage();
    const tabId = await tabIdOf(fresh.session, site as Page);
    await popup.goto(`chrome-extension://${fresh.session.extensionId}/src/popup/index.html?tab=${tabId}`);
    await popup.waitForSelector('#controls:not([hidden])');
    return {
      evaluate: (script) => popup.evaluate(script),
      click: (selector) => popup.click(selector),
      select: (selector, value) => popup.selectOption(selector, value),
    };
  },
  inExtension: (fn, arg) => fresh.session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
};

describe.each(COLOUR_FIXTURES)('colour schemes on %s', (fixture) => {
  it('give every text at least 7:1 contrast in each scheme, and off restores the page exactly', () => coloursOnFixture(harness, fixture));
});

describe('page adjustments', () => {
  it.each(Object.keys(adjustmentScenarios) as AdjustmentScenario[])('%s', (name) => adjustmentScenarios[name](harness));
});
