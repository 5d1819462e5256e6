/** 500 sites with their own settings against storage.sync's quotas, in Firefox ESR (tests/support/many-sites-scenarios.ts). */
import { afterEach, beforeEach, describe, it } from 'vitest';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import { clearPreferences, closeOtherPages, type FirefoxExtensionSession, openExtensionPage, openPage } from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { type ManySitesHarness, type ManySitesScenario, manySitesScenarios } from '../../support/many-sites-scenarios';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => clearPreferences(session));
afterEach(async () => closeOtherPages(session));

const harness: ManySitesHarness = {
  origin: () => new URL(server.origin).origin,
  inExtension: (fn, arg) => session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
  openSite: (path) => openPage(session, server.url(path)),
  async optionsRows() {
    const options = await openExtensionPage(session, 'src/options/index.html');
    await options.waitForSelector('body[data-ready="true"]');
    const rows = await options.$$eval('#site-list li[data-origin]', (items) => items.length);
    await options.close();
    return rows;
  },
};

describe('500 sites with their own settings (Firefox)', () => {
  it.each(Object.keys(manySitesScenarios) as ManySitesScenario[])('%s', (name) => manySitesScenarios[name](harness));
});
