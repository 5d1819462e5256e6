/**
 * The popup's hint that the site has its own text-size / colour buttons, in Chromium: the shared
 * scenarios (tests/support/site-controls-scenarios.ts, also run in Firefox), and one check only
 * Chromium's harness can make exactly: the popup's own detection call observed as it answers.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, setGlobalPreferences, tabIdOf } from '../../support/chromium';
import { useExtensionWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { type SiteControlsHarness, type SiteControlsScenario, siteControlsScenarios } from '../../support/site-controls-scenarios';

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

async function openSite(path: string): Promise<Page> {
  const site = await session.context.newPage();
  await site.goto(server.url(path));
  return site;
}

async function openPopup(site: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, site)}`);
  await popup.waitForSelector('#controls:not([hidden])');
  return popup;
}

const harness: SiteControlsHarness = {
  openSite,
  openPopup: (site) => openPopup(site as Page),
  setPreferences: (patch) => setGlobalPreferences(session, patch),
  async axeBySchemes(popup) {
    const found: Record<string, string[]> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      await (popup as Page).emulateMedia({ colorScheme });
      found[colorScheme] = await axeViolations(popup);
    }
    return found;
  },
};

describe('site controls hint (Chromium)', () => {
  it.each(Object.keys(siteControlsScenarios) as SiteControlsScenario[])('%s', (name) => siteControlsScenarios[name](harness));

  it('shows nothing on a page without such buttons, once the popup has its answer', async () => {
    const site = await openSite('px-only.html');
    const popup = await session.context.newPage();
    // Observes (does not change) the popup's own detection call: records its answer once it has arrived.
    await popup.addInitScript(() => {
      const scripting = chrome.scripting as typeof chrome.scripting & { answers?: unknown[] };
      const original = scripting.executeScript.bind(scripting) as (...args: unknown[]) => Promise<unknown> | undefined;
      const answers: unknown[] = [];
      scripting.answers = answers;
      const answered = (result: unknown) => {
        answers.push(result);
        return result;
      };
      (scripting as { executeScript: unknown }).executeScript = (details: unknown, callback?: (result: unknown) => void) => {
        if (callback) return original(details, (result: unknown) => callback(answered(result)));
        return original(details)?.then(answered, (error: unknown) => {
          answered(String(error));
          throw error;
        });
      };
    });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, site)}`);
    await popup.waitForSelector('#controls:not([hidden])');
    // The popup's detection has answered (the hint is set in the same task as the answer arrives).
    await popup.waitForFunction(() => ((chrome.scripting as { answers?: unknown[] }).answers ?? []).length > 0);
    const answers = await popup.evaluate(() => (chrome.scripting as { answers?: unknown[] }).answers);
    expect(answers).toEqual([[expect.objectContaining({ frameId: 0, result: { textSize: false, colours: false } })]]);
    expect(await popup.isHidden('#site-controls-hint')).toBe(true);
    expect(await popup.textContent('#site-controls-hint')).toBe('');
  });
});
