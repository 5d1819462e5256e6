/**
 * Live-page text size in Firefox ESR with the built add-on: the shared scenarios
 * (tests/support/text-size-scenarios.ts, also run in Chromium).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import { clearPreferences, closeOtherPages, type FirefoxExtensionSession, runCommand, waitForAutoApply } from '../../support/firefox';
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

const harness: TextSizeHarness = {
  origin: (otherOrigin) => new URL((otherOrigin ? other : server).origin).origin,
  async open(path, { otherOrigin, initScript } = {}) {
    const page = await session.browser.newPage();
    // Over WebDriver BiDi this is a preload script: it runs before the page's own scripts, CSP or not.
    if (initScript) await page.evaluateOnNewDocument(initScript);
    await page.goto((otherOrigin ? other : server).url(path), { waitUntil: 'load', timeout: 30_000 });
    // In the foreground, so requestAnimationFrame runs.
    await page.bringToFront();
    return page;
  },
  command: (page, command) => runCommand(session, page as Page, command),
  waitForAutoApply: (textScale) => waitForAutoApply(session, textScale),
  inExtension: (fn, arg) => session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
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
