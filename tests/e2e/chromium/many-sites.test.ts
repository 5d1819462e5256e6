/**
 * 500 sites with their own settings against storage.sync's quotas, in Chromium: the shared scenarios
 * (tests/support/many-sites-scenarios.ts, also run in Firefox), and what only this harness grants:
 * localhost (not in the list) follows the size for all sites.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearPreferences, type ExtensionSession, fontSizes, waitForFontSize } from '../../support/chromium';
import { useExtensionWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { type ManySitesHarness, type ManySitesScenario, manySitesScenarios } from '../../support/many-sites-scenarios';

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

const harness: ManySitesHarness = {
  origin: () => new URL(server.origin).origin,
  inExtension: (fn, arg) => session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
  async openSite(path) {
    const page = await session.context.newPage();
    await page.goto(server.url(path));
    return page;
  },
  async optionsRows() {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await options.waitForSelector('body[data-ready="true"]');
    const rows = await options.locator('#site-list li[data-origin]').count();
    await options.close();
    return rows;
  },
};

describe('500 sites with their own settings (Chromium)', () => {
  it.each(Object.keys(manySitesScenarios) as ManySitesScenario[])('%s', (name) => manySitesScenarios[name](harness));

  it('a site not in the list follows the size for all sites', async () => {
    const fixture = await session.context.newPage();
    await fixture.goto(server.url('meti-release.html'));
    const [baseline] = await fontSizes(fixture, '[data-probe="body-paragraph"]');
    await session.driver.evaluate((entries) => chrome.storage.sync.set(entries), {
      preferences: { version: 1, textScale: 125 },
      [`site:${new URL(server.origin).origin}`]: { textScale: 200 },
    });
    const other = await session.context.newPage();
    await other.goto(server.url('meti-release.html').replace('127.0.0.1', 'localhost'));
    await waitForFontSize(other, '[data-probe="body-paragraph"]', baseline * 1.25);
    expect((await fontSizes(other, '[data-probe="body-paragraph"]'))[0]).toBeCloseTo(baseline * 1.25, 1);
  });
});
