/**
 * The popup at its users' real sizes (issue 11), in Chromium: 360 px wide at
 * 100% (the daily actions within Chrome's 600 px cap), at 200% browser zoom
 * (tabs.setZoom on the popup's tab: text size, reading mode and read aloud in
 * the first screen), the status region always in the accessibility tree, and
 * "More settings" checked by axe-core in English and Japanese, light and dark.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, tabIdOf } from '../../support/chromium';
import { useExtensionWithServer, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import {
  cutOffOptionLabels,
  emptyStatusRegion,
  firstScreenAt200,
  fitsAt100,
  MORE_SETTINGS_CONTROLS,
  notShown,
  openMoreSettings,
  resetFocusRing,
} from '../../support/popup-layout';

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

async function openPopup(path: string, target = session, viewport = { width: 360, height: 600 }): Promise<Page> {
  const site = await target.context.newPage();
  await site.goto(server.url(path));
  const popup = await target.context.newPage();
  await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${target.extensionId}/src/popup/index.html?tab=${await tabIdOf(target, site)}`);
  await popup.waitForSelector('#controls:not([hidden])');
  return popup;
}

/** Browser zoom on the popup's own tab, as Ctrl+ would set it. */
async function zoom(popup: Page, factor: number, target = session): Promise<void> {
  const url = popup.url();
  await target.driver.evaluate(
    async ({ url, factor }) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
      // Per tab: Chrome otherwise remembers the zoom for the whole extension origin, every later popup included.
      await chrome.tabs.setZoomSettings(tab.id, { scope: 'per-tab' });
      await chrome.tabs.setZoom(tab.id, factor);
    },
    { url, factor },
  );
  await popup.waitForFunction((factor) => Math.abs(window.devicePixelRatio - factor) < 0.01, factor);
}

describe('popup size', () => {
  it.each(['meti-release.html', 'px-only.html'])('fits 360 × 600 px at 100%, every daily action in view (%s)', async (path) => {
    const popup = await openPopup(path);
    const { layout, below } = await fitsAt100(popup);
    expect(below).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(600);
    expect(layout.scrollWidth).toBeLessThanOrEqual(360);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it('keeps text size, reading mode and read aloud in the first screen at 200% zoom', async () => {
    // A 360 CSS px popup at 200% is 720 device px wide; Chrome's cap leaves it 600 device px high.
    const popup = await openPopup('meti-release.html', session, { width: 720, height: 600 });
    await zoom(popup, 2);
    const { layout, below } = await firstScreenAt200(popup);
    expect(layout.viewportHeight).toBe(300);
    expect(below).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth);
  });

  it('keeps the empty status region in the accessibility tree', async () => {
    const popup = await openPopup('px-only.html');
    expect(await emptyStatusRegion(popup)).toEqual({ text: '', display: 'block', role: 'status' });
    const snapshot = await popup.locator('main').ariaSnapshot();
    expect(snapshot).toContain('status');
  });

  it('puts the rest one step away in "More settings", reachable by keyboard', async () => {
    const popup = await openPopup('px-only.html');
    expect(await notShown(popup, MORE_SETTINGS_CONTROLS)).toEqual(MORE_SETTINGS_CONTROLS);
    await popup.focus('#more summary');
    await popup.keyboard.press('Enter');
    await expect.poll(() => notShown(popup, MORE_SETTINGS_CONTROLS)).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it('shows shortcuts as the keys to press', async () => {
    const popup = await openPopup('px-only.html');
    const text = await popup.textContent('#shortcut-list');
    expect(text).toContain('Alt+Shift+,');
    expect(text).not.toContain('Comma');
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations with "More settings" open (%s)', async (colorScheme) => {
    const popup = await openPopup('meti-release.html');
    await popup.emulateMedia({ colorScheme });
    expect(await openMoreSettings(popup)).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('keeps a 3:1 focus ring on the unavailable Reset (%s)', async (colorScheme) => {
    const popup = await openPopup('px-only.html');
    await popup.emulateMedia({ colorScheme });
    await expect.poll(() => popup.getAttribute('#reset', 'aria-disabled')).toBe('true');
    const ring = await resetFocusRing(popup);
    expect(ring).toMatchObject({ focusVisible: true, opacity: '1' });
    expect(ring.contrast).toBeGreaterThanOrEqual(3);
  });
});

describe('popup size in Japanese', () => {
  let japanese: ExtensionSession;
  useJapaneseChromiumWithServer((_server, readySession) => {
    japanese = readySession;
  });

  it('keeps every daily action in view on a Japanese government page, and has no axe-core violations', async () => {
    const popup = await openPopup('japanese-gov.html', japanese);
    const { below } = await fitsAt100(popup);
    expect(below).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), colorScheme).toEqual([]);
      expect(await openMoreSettings(popup)).toBe(true);
      expect(await axeViolations(popup), `${colorScheme}, more settings`).toEqual([]);
      expect(await cutOffOptionLabels(popup)).toEqual([]);
    }
  });
});
