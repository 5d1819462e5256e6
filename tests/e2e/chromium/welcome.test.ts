/**
 * The first-run page in Debian's Chromium with the built extension: it opens
 * on install, text size and colours chosen by keyboard show live in the
 * sample, "Save and start" writes them for all sites and a page follows,
 * and axe-core finds nothing in light and dark.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/features/page-colours';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, fontSizes, waitForFontSize } from '../../support/chromium';
import { useExtensionWithServer, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { rgb, smallestTextSize } from '../../support/page-checks';
import { chooseSizeAndColoursByKeyboard, pinStepsShown, saveByKeyboard } from '../../support/settings-page-scenarios';

let server: FixtureServer;
let session: ExtensionSession;

useExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

const welcomeUrl = () => `chrome-extension://${session.extensionId}/src/welcome/index.html`;

beforeEach(async () => {
  await clearPreferences(session);
});

async function openWelcome(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(welcomeUrl());
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('first run', () => {
  it('opens the welcome page when the extension is installed', async () => {
    await expect.poll(() => session.context.pages().some((page) => page.url() === welcomeUrl())).toBe(true);
  });

  it('shows the chosen size and colours live, and "Save and start" applies them to all sites', async () => {
    const site = await session.context.newPage();
    await site.goto(server.url('meti-release.html'));
    const [siteBaseline] = await fontSizes(site, '[data-probe="body-paragraph"]');

    const page = await openWelcome();
    const stored = () => session.worker.evaluate(() => chrome.storage.sync.get(null));
    await chooseSizeAndColoursByKeyboard(page, stored);
    await saveByKeyboard(page, stored);

    // The open page follows, and so does one opened afterwards.
    await waitForFontSize(site, '[data-probe="body-paragraph"]', siteBaseline * 1.5);
    const fresh = await session.context.newPage();
    await fresh.goto(server.url('meti-release.html'));
    await waitForFontSize(fresh, '[data-probe="body-paragraph"]', siteBaseline * 1.5);
    await expect
      .poll(() => fresh.$eval('[data-probe="body-paragraph"]', (element) => getComputedStyle(element).color))
      .toBe(rgb(PALETTES['yellow-on-black'].text));
    await Promise.all([site.close(), fresh.close(), page.close()]);
  });

  it('shows how to pin the toolbar button, with a picture', async () => {
    const page = await openWelcome();
    const shown = await pinStepsShown(page);
    expect(shown).toMatchObject({ alt: messages('en').welcomePinAlt.message, chromeSteps: true, firefoxSteps: false });
    expect(shown.pictureWidth).toBeGreaterThan(200);
    expect(await page.textContent('#pin-steps-chrome')).toContain(messages('en').welcomePinChrome2.message);
    await page.close();
  });

  it('explains both ways to apply automatically and lists the shortcuts', async () => {
    const page = await openWelcome();
    expect(await page.getByRole('button', { name: 'Apply automatically on all sites' }).isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain('Apply automatically on this site');
    expect(await page.locator('#shortcut-list dt').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no violations (${colorScheme}), also with a colour scheme in the sample`, async () => {
      const page = await openWelcome();
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.selectOption('#colours-select', 'blue');
      await page.selectOption('#size-select', '200');
      expect(await axeViolations(page)).toEqual([]);
      // No text on the page is smaller than 15px.
      expect(await smallestTextSize(page)).toBeGreaterThanOrEqual(15);
      await page.close();
    });
  }
});

describe('first run in Japanese', () => {
  let japanese: ExtensionSession;
  useJapaneseChromiumWithServer((_server, readySession) => {
    japanese = readySession;
  });

  it('shows how to pin the toolbar button in Japanese, with no axe-core violations', async () => {
    const page = await japanese.context.newPage();
    await page.goto(`chrome-extension://${japanese.extensionId}/src/welcome/index.html`);
    await page.waitForSelector('body[data-ready="true"]');
    const shown = await pinStepsShown(page);
    expect(shown).toMatchObject({ alt: messages('ja').welcomePinAlt.message, chromeSteps: true, firefoxSteps: false });
    expect(await page.textContent('#pin-heading')).toBe(messages('ja').welcomePinHeading.message);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
  });
});
