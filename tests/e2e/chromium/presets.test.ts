/**
 * Presets (issue 11) in Debian's Chromium with the built extension: each one
 * from the popup (for all sites, and for this site only) and from the
 * first-run page, by keyboard, seen on the METI page and undone to the page
 * and storage exactly as before; pressed buttons pass axe-core in English and
 * Japanese, light and dark, and the popup still fits 600 px.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../../src/shared/presets';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, tabIdOf } from '../../support/chromium';
import { useExtensionWithServer, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { fitsAt100 } from '../../support/popup-layout';
import { applyAndUndoPreset, type PresetHarness } from '../../support/preset-scenarios';

let server: FixtureServer;
let session: ExtensionSession;

useExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

const stored = (target = session) =>
  target.worker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
const store = (items: Record<string, unknown>) => session.worker.evaluate((items) => chrome.storage.sync.set(items), items);

beforeEach(async () => {
  await clearPreferences(session);
  await session.worker.evaluate(() => chrome.storage.session.clear());
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
});

async function openSite(target = session): Promise<Page> {
  const site = await target.context.newPage();
  await site.goto(server.url('meti-release.html'));
  await site.waitForSelector('[data-probe="body-paragraph"]');
  return site;
}

async function openPopup(site: Page, target = session): Promise<Page> {
  const popup = await target.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${target.extensionId}/src/popup/index.html?tab=${await tabIdOf(target, site)}`);
  await popup.waitForSelector('#controls:not([hidden])');
  await popup.waitForSelector('[data-preset][aria-pressed]');
  return popup;
}

async function openWelcome(target = session): Promise<Page> {
  const page = await target.context.newPage();
  await page.goto(`chrome-extension://${target.extensionId}/src/welcome/index.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

describe('presets in the popup', () => {
  it.each(PRESET_NAMES)('%s: applied for all sites, seen on the page, undone to exactly what was stored', async (name) => {
    await store({ preferences: { version: 1, textScale: 125, pageLinks: true } });
    const site = await openSite();
    const popup = await openPopup(site);
    const harness: PresetHarness = { surface: popup, site, stored: () => stored(), text: messages('en') };
    await applyAndUndoPreset(harness, name, { textScaleBefore: 125, appliedMessage: 'presetAppliedGlobal' });
  });

  it('for this site only: the site keeps the preset, all sites stay as they were, undo gives the site back its own settings', async () => {
    const site = await openSite();
    const origin = new URL(server.url('meti-release.html')).origin;
    await store({ preferences: { version: 1, pageColours: 'blue' }, [`site:${origin}`]: { textScale: 110 } });
    const popup = await openPopup(site);
    expect(await popup.isChecked('input[name="scope"][value="site"]')).toBe(true);
    const harness: PresetHarness = { surface: popup, site, stored: () => stored(), text: messages('en') };
    for (const name of ['easier-to-read', 'larger-text'] as const) {
      await applyAndUndoPreset(harness, name, { textScaleBefore: 110, appliedMessage: 'presetAppliedSite' });
    }
  });

  it('keeps two presets apart: undoing one leaves the other on', async () => {
    const site = await openSite();
    const popup = await openPopup(site);
    await popup.click('[data-preset="larger-text"]');
    await popup.waitForSelector('[data-preset="larger-text"][aria-pressed="true"]');
    await popup.click('[data-preset="high-contrast"]');
    await popup.waitForSelector('[data-preset="high-contrast"][aria-pressed="true"]');
    await popup.click('[data-preset="larger-text"]');
    await popup.waitForSelector('[data-preset="larger-text"][aria-pressed="false"]');
    expect((await stored()).sync).toEqual({ preferences: { version: 1, pageColours: 'yellow-on-black' } });
    expect(await popup.getAttribute('[data-preset="high-contrast"]', 'aria-pressed')).toBe('true');
  });

  it('shows the pressed preset after the popup is closed and opened again, and still fits 600 px', async () => {
    const site = await openSite();
    const popup = await openPopup(site);
    await popup.click('[data-preset="easier-to-read"]');
    await popup.waitForSelector('[data-preset="easier-to-read"][aria-pressed="true"]');
    await popup.close();
    const again = await openPopup(site);
    await again.waitForSelector('[data-preset="easier-to-read"][aria-pressed="true"]');
    const { layout, below } = await fitsAt100(again);
    expect(below).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(600);
    // Undo still works from the reopened popup.
    await again.click('[data-preset="easier-to-read"]');
    await expect.poll(async () => (await stored()).sync).toEqual({});
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations with a preset pressed (%s)', async (colorScheme) => {
    const popup = await openPopup(await openSite());
    await popup.emulateMedia({ colorScheme });
    await popup.click('[data-preset="high-contrast"]');
    await popup.waitForSelector('[data-preset="high-contrast"][aria-pressed="true"]');
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('presets on the first-run page', () => {
  it.each(PRESET_NAMES)('%s: applied for all sites at once, seen on an open page, undone to nothing stored', async (name) => {
    const site = await openSite();
    const page = await openWelcome();
    const harness: PresetHarness = { surface: page, site, stored: () => stored(), text: messages('en') };
    await applyAndUndoPreset(harness, name, { textScaleBefore: 100, appliedMessage: 'presetAppliedGlobal' });
  });

  it('shows a preset in the preview and the size control', async () => {
    const page = await openWelcome();
    await page.click('[data-preset="larger-text"]');
    await expect.poll(() => page.inputValue('#size-select')).toBe('150');
    // The sample is 1rem at 100%: at 150% it is one and a half times the root size.
    const { sample, root } = await page.evaluate(() => ({
      sample: Number.parseFloat(getComputedStyle(document.getElementById('sample') as Element).fontSize),
      root: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    }));
    expect(sample).toBeCloseTo(root * 1.5, 0);
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations with a preset pressed (%s)', async (colorScheme) => {
    const page = await openWelcome();
    await page.emulateMedia({ colorScheme });
    await page.click('[data-preset="easier-to-read"]');
    await page.waitForSelector('[data-preset="easier-to-read"][aria-pressed="true"]');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('presets in Japanese', () => {
  let japanese: ExtensionSession;
  useJapaneseChromiumWithServer((_server, readySession) => {
    japanese = readySession;
  });

  it('applies and undoes from the popup in Japanese, with no axe-core violations light or dark, pressed or not', async () => {
    const site = await openSite(japanese);
    const popup = await openPopup(site, japanese);
    expect(await popup.textContent('[data-preset="easier-to-read"]')).toBe(messages('ja').presetEasierToRead.message);
    const harness: PresetHarness = { surface: popup, site, stored: () => stored(japanese), text: messages('ja') };
    await applyAndUndoPreset(harness, 'larger-text', { textScaleBefore: 100, appliedMessage: 'presetAppliedGlobal' });
    await popup.click('[data-preset="larger-text"]');
    await popup.waitForSelector('[data-preset="larger-text"][aria-pressed="true"]');
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), colorScheme).toEqual([]);
    }
    const welcome = await openWelcome(japanese);
    for (const colorScheme of ['light', 'dark'] as const) {
      await welcome.emulateMedia({ colorScheme });
      expect(await axeViolations(welcome), `welcome ${colorScheme}`).toEqual([]);
    }
  });
});
