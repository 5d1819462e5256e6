/**
 * The popup's hint that the site has its own text-size / colour buttons, in Firefox ESR: the
 * shared scenarios (tests/support/site-controls-scenarios.ts, also run in Chromium). axe-core runs
 * in the light scheme only here: a dark popup needs Firefox relaunched with a dark system theme,
 * which tests/e2e/firefox/popup-fit.test.ts does for the whole popup.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  tabIdOf,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { isVisible, textOf } from '../../support/page-checks';
import { type SiteControlsHarness, type SiteControlsScenario, siteControlsScenarios } from '../../support/site-controls-scenarios';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => clearPreferences(session));
afterEach(async () => closeOtherPages(session));

async function openPopup(site: Page): Promise<Page> {
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${await tabIdOf(session, site)}`);
  await popup.waitForSelector('#controls:not([hidden])');
  return popup;
}

const harness: SiteControlsHarness = {
  openSite: (path) => openPage(session, server.url(path)),
  openPopup: (site) => openPopup(site as Page),
  async setPreferences(patch) {
    await session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...((preferences as object) ?? {}), ...patch } });
    }, patch);
  },
  async axeBySchemes(popup) {
    return { light: await axeViolations(popup) };
  },
};

/**
 * A second executeScript into the same tab, sent from the popup after its own detection call: once it
 * has answered, so has the popup's (the first check below shows the hint already there at that moment).
 */
async function afterPopupDetection(popup: Page, site: Page): Promise<void> {
  const tabId = await tabIdOf(session, site);
  await popup.evaluate(async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
  }, tabId);
}

describe('site controls hint (Firefox)', () => {
  it.each(Object.keys(siteControlsScenarios) as SiteControlsScenario[])('%s', (name) => siteControlsScenarios[name](harness));

  it('shows nothing on a page without such buttons, once the popup has its answer', async () => {
    // The same wait on a page with buttons: the hint is there when it ends.
    const meti = await openPage(session, server.url('meti-release.html'));
    const metiPopup = await openPopup(meti);
    await afterPopupDetection(metiPopup, meti);
    expect(await isVisible(metiPopup, '#site-controls-hint')).toBe(true);

    const site = await openPage(session, server.url('px-only.html'));
    const popup = await openPopup(site);
    await afterPopupDetection(popup, site);
    expect(await isVisible(popup, '#site-controls-hint')).toBe(false);
    expect(await textOf(popup, '#site-controls-hint')).toBe('');
  });
});
