/**
 * Presets (issue 11) in Firefox ESR with the built add-on, as in
 * tests/e2e/chromium/presets.test.ts: each one from the popup (for all
 * sites, and for this site only) and from the first-run page, by keyboard,
 * seen on the METI page and undone to the page and storage exactly as
 * before; pressed buttons pass axe-core, light and dark; the popup still
 * fits 600 px. (In Japanese: tests/e2e/firefox/in-japanese.test.ts.)
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../../src/shared/presets';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  setColorScheme,
  storePreferences,
  tabIdOf,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { evaluateIn } from '../../support/page-checks';
import { fitsAt100 } from '../../support/popup-layout';
import { applyAndUndoPreset, type PresetHarness } from '../../support/preset-scenarios';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

const stored = (target = session) =>
  target.driver.evaluate(async () => ({ sync: await browser.storage.sync.get(null), local: await browser.storage.local.get(null) }));

beforeEach(async () => {
  await clearPreferences(session);
  await session.driver.evaluate(() => browser.storage.session.clear());
});
afterEach(async () => closeOtherPages(session));

const openSite = (target = session) => openPage(target, server.url('meti-release.html'));

async function openPopup(site: Page, target = session): Promise<Page> {
  const popup = await openExtensionPage(target, `src/popup/index.html?tab=${await tabIdOf(target, site)}`);
  await popup.setViewport({ width: 360, height: 600 });
  await popup.waitForSelector('#controls:not([hidden])');
  await popup.waitForSelector('[data-preset][aria-pressed]');
  return popup;
}

async function openWelcome(target = session): Promise<Page> {
  const page = await openExtensionPage(target, 'src/welcome/index.html');
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** A click as a user makes it, and the pressed state it must lead to. */
async function press(page: Page, name: string, expected: 'true' | 'false'): Promise<void> {
  await page.click(`[data-preset="${name}"]`);
  await page.waitForSelector(`[data-preset="${name}"][aria-pressed="${expected}"]`);
}

describe('presets in the popup (Firefox)', () => {
  it.each(PRESET_NAMES)('%s: applied for all sites, seen on the page, undone to exactly what was stored', async (name) => {
    await storePreferences(session, { preferences: { version: 1, textScale: 125, pageLinks: true } });
    const site = await openSite();
    const popup = await openPopup(site);
    const harness: PresetHarness = { surface: popup, site, stored: () => stored(), text: messages('en') };
    await applyAndUndoPreset(harness, name, { textScaleBefore: 125, appliedMessage: 'presetAppliedGlobal' });
  });

  it('for this site only: the site keeps the preset, all sites stay as they were, undo gives the site back its own settings', async () => {
    const site = await openSite();
    const origin = new URL(server.url('meti-release.html')).origin;
    await storePreferences(session, { preferences: { version: 1, pageColours: 'blue' }, [`site:${origin}`]: { textScale: 110 } });
    for (const name of ['easier-to-read', 'larger-text'] as const) {
      // A fresh popup each time, as a user opens it: Tab then starts from its top (Firefox does not wrap Tab back into a page).
      const popup = await openPopup(site);
      expect(await evaluateIn(popup, () => (document.querySelector('input[value="site"]') as HTMLInputElement).checked, undefined)).toBe(
        true,
      );
      const harness: PresetHarness = { surface: popup, site, stored: () => stored(), text: messages('en') };
      await applyAndUndoPreset(harness, name, { textScaleBefore: 110, appliedMessage: 'presetAppliedSite' });
      await popup.close();
    }
  });

  it('keeps two presets apart, shows the pressed one in a reopened popup, and still fits 600 px', async () => {
    const site = await openSite();
    const popup = await openPopup(site);
    await press(popup, 'larger-text', 'true');
    await press(popup, 'high-contrast', 'true');
    await press(popup, 'larger-text', 'false');
    expect((await stored()).sync).toEqual({ preferences: { version: 1, pageColours: 'yellow-on-black' } });
    await popup.close();
    const again = await openPopup(site);
    await again.waitForSelector('[data-preset="high-contrast"][aria-pressed="true"]');
    const { layout, below } = await fitsAt100(again);
    expect(below).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(600);
    expect(await axeViolations(again)).toEqual([]);
  });
});

describe('presets on the first-run page (Firefox)', () => {
  it.each(PRESET_NAMES)('%s: applied for all sites at once, seen on an open page, undone to nothing stored', async (name) => {
    const site = await openSite();
    const page = await openWelcome();
    const harness: PresetHarness = { surface: page, site, stored: () => stored(), text: messages('en') };
    await applyAndUndoPreset(harness, name, { textScaleBefore: 100, appliedMessage: 'presetAppliedGlobal' });
  });

  it('shows a preset in the preview, with no axe-core violations while pressed', async () => {
    const page = await openWelcome();
    await press(page, 'larger-text', 'true');
    const sizes = () =>
      evaluateIn(
        page,
        () => ({
          select: (document.getElementById('size-select') as HTMLSelectElement).value,
          ratio:
            Number.parseFloat(getComputedStyle(document.getElementById('sample') as Element).fontSize) /
            Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
        }),
        undefined,
      );
    await expect.poll(sizes).toEqual({ select: '150', ratio: 1.5 });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('presets in dark mode (Firefox)', () => {
  // The system switched to dark while Firefox runs (firefox-privileged.ts), and back after.
  afterEach(async () => setColorScheme(session, 'light'));

  it('has no axe-core violations with a preset pressed, in the popup and on the first-run page', async () => {
    await setColorScheme(session, 'dark');
    const popup = await openPopup(await openSite());
    expect(await evaluateIn(popup, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(true);
    await press(popup, 'easier-to-read', 'true');
    expect(await axeViolations(popup)).toEqual([]);
    const welcome = await openWelcome();
    await welcome.waitForSelector('[data-preset="easier-to-read"][aria-pressed="true"]');
    expect(await axeViolations(welcome)).toEqual([]);
    await press(welcome, 'easier-to-read', 'false');
  });
});
