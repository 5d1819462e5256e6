/**
 * The popup at its users' real sizes in Firefox ESR (issue 11), as in
 * tests/e2e/chromium/popup-fit.test.ts: the popup page opened as a tab sized
 * 360 × 600 (Firefox caps a popup at 800 × 600 too), the daily actions in
 * view; browser zoom at 200% (tabs.setZoom on that tab, as Ctrl+ sets it)
 * keeps text size, reading mode and read aloud in the first screen; the rest
 * one step away under "More settings", reached by keyboard; the empty status
 * region still rendered; shortcuts shown as keys; axe-core with "More
 * settings" open and a 3:1 ring on the unavailable Reset, light and dark (the
 * system's scheme switched while Firefox runs).
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
  setColorScheme,
  tabIdOf,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { evaluateIn, tabTo, textOf } from '../../support/page-checks';
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
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => clearPreferences(session));
afterEach(async () => closeOtherPages(session));

async function openPopup(path: string, target = session, viewport = { width: 360, height: 600 }): Promise<Page> {
  const site = await openPage(target, server.url(path));
  const popup = await openExtensionPage(target, `src/popup/index.html?tab=${await tabIdOf(target, site)}`);
  await popup.setViewport(viewport);
  await popup.waitForSelector('#controls:not([hidden])');
  return popup;
}

/**
 * Browser zoom on the popup's own tab, as Ctrl+ would set it. Firefox keeps it
 * for the add-on's origin (it has no per-tab scope here): the test sets 1 again.
 */
function zoom(popup: Page, factor: number): Promise<number> {
  return evaluateIn(
    popup,
    async (factor) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tab = await api.tabs.getCurrent();
      if (tab?.id === undefined) throw new Error('the popup is not in a tab');
      await api.tabs.setZoom(tab.id, factor);
      for (let i = 0; i < 100 && Math.abs(window.devicePixelRatio - factor) > 0.01; i++) await new Promise((done) => setTimeout(done, 50));
      return window.devicePixelRatio;
    },
    factor,
  );
}

describe('popup size (Firefox)', () => {
  it.each(['meti-release.html', 'px-only.html'])('fits 360 × 600 px at 100%, every daily action in view (%s)', async (path) => {
    const popup = await openPopup(path);
    const { layout, below } = await fitsAt100(popup);
    expect(layout.viewportWidth).toBe(360);
    expect(below).toEqual([]);
    expect(layout.height).toBeLessThanOrEqual(600);
    expect(layout.scrollWidth).toBeLessThanOrEqual(360);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it('keeps text size, reading mode and read aloud in the first screen at 200% zoom', async () => {
    const popup = await openPopup('meti-release.html', session, { width: 720, height: 600 });
    expect(await zoom(popup, 2)).toBe(2);
    try {
      const { layout, below } = await firstScreenAt200(popup);
      expect(layout.viewportHeight).toBe(300);
      expect(below).toEqual([]);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewportWidth);
    } finally {
      await zoom(popup, 1);
    }
  });

  it('has no axe-core violations with "More settings" open, and no option label cut off', async () => {
    const popup = await openPopup('meti-release.html');
    expect(await openMoreSettings(popup)).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it('keeps the empty status region rendered, so it is in the accessibility tree before its first message', async () => {
    const popup = await openPopup('px-only.html');
    expect(await emptyStatusRegion(popup)).toEqual({ text: '', display: 'block', role: 'status' });
  });

  it('puts the rest one step away in "More settings", reachable by keyboard', async () => {
    const popup = await openPopup('px-only.html');
    expect(await notShown(popup, MORE_SETTINGS_CONTROLS)).toEqual(MORE_SETTINGS_CONTROLS);
    await tabTo(popup, '#more summary');
    await popup.keyboard.press('Enter');
    await expect.poll(() => notShown(popup, MORE_SETTINGS_CONTROLS)).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
  });

  it('shows shortcuts as the keys to press', async () => {
    const popup = await openPopup('px-only.html');
    const text = await textOf(popup, '#shortcut-list');
    expect(text).toContain('Alt+Shift+,');
    expect(text).not.toContain('Comma');
  });
});

describe('popup in light and dark (Firefox)', () => {
  afterEach(async () => setColorScheme(session, 'light'));

  it.each(['light', 'dark'] as const)('keeps a 3:1 focus ring on the unavailable Reset (%s)', async (scheme) => {
    await setColorScheme(session, scheme);
    const popup = await openPopup('px-only.html');
    await popup.waitForSelector('#reset[aria-disabled="true"]');
    const ring = await resetFocusRing(popup);
    expect(ring).toMatchObject({ focusVisible: true, opacity: '1' });
    expect(ring.contrast).toBeGreaterThanOrEqual(3);
  });

  it('has no axe-core violations in dark mode, "More settings" closed and open', async () => {
    await setColorScheme(session, 'dark');
    const popup = await openPopup('meti-release.html');
    expect(await evaluateIn(popup, () => matchMedia('(prefers-color-scheme: dark)').matches, undefined)).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    expect(await openMoreSettings(popup)).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
  });
});
