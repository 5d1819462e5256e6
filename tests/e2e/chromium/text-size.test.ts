/**
 * Live-page text size in Debian's Chromium with the built extension: the shared scenarios
 * (tests/support/text-size-scenarios.ts, also run in Firefox).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { runCommand } from '../../support/chromium';
import { type FreshTab, useFreshTabPerTest } from '../../support/extension-with-server';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
import {
  type ChangingPageScenario,
  changingPageScenarios,
  noOverlapAtDoubleSize,
  OVERLAP_FIXTURES,
  type PerFixtureScenario,
  perFixtureScenarios,
  type ScopeScenario,
  SIZE_FIXTURES,
  scopeScenarios,
  type TextSizeHarness,
} from '../../support/text-size-scenarios';

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

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (page !== fresh.page) await page.close().catch(() => undefined);
});

const harness: TextSizeHarness = {
  origin: (otherOrigin) => new URL((otherOrigin ? other : fresh.server).origin).origin,
  async open(path, { otherOrigin, initScript } = {}) {
    const page = opened.length === 0 ? fresh.page : await fresh.session.context.newPage();
    opened.push(page);
    if (initScript) await page.addInitScript(initScript);
    await page.goto((otherOrigin ? other : fresh.server).url(path));
    return page;
  },
  command: (page, command) => runCommand(fresh.session, page as Page, command),
  async waitForAutoApply(textScale) {
    await fresh.session.worker.evaluate(async (boot) => {
      for (let i = 0; i < 200; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((script) => script.js?.includes(boot))) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`automatic registration never carried ${boot}`);
    }, `boot/textScale-${textScale}.js`);
  },
  inExtension: (fn, arg) => fresh.session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
};

describe.each(SIZE_FIXTURES)('%s', (fixture) => {
  it.each(Object.keys(perFixtureScenarios) as PerFixtureScenario[])('%s', (name) => perFixtureScenarios[name](harness, fixture));
});

describe('scope and persistence', () => {
  it.each(Object.keys(scopeScenarios) as ScopeScenario[])('%s', (name) => scopeScenarios[name](harness));
});

describe('layout stays usable', () => {
  it.each(OVERLAP_FIXTURES)('no two text blocks overlap at double size on %s', (fixture) => noOverlapAtDoubleSize(harness, fixture));
});

describe('pages that change', () => {
  it.each(Object.keys(changingPageScenarios) as ChangingPageScenario[])('%s', (name) => changingPageScenarios[name](harness));
});
