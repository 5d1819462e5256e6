/**
 * EasyRead's own pages in Japanese in Firefox ESR (issue 11): the add-on
 * started in a Firefox whose UI language is Japanese (FIREFOX_JAPANESE:
 * Debian's build has no Japanese language pack, so the locale service is told
 * Japanese is available), light and dark switched while it runs. One browser
 * for what Chromium checks in the "in Japanese" blocks of popup-fit, presets,
 * welcome and options.test.ts (and reader-reflow.test.ts for the reader):
 * every string from _locales/ja, the popup's daily actions in view on a
 * Japanese government page, a preset applied and undone, and axe-core with 0
 * violations on every page, light and dark; the reader's no-voice message.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  FIREFOX_JAPANESE,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  runCommand,
  setColorScheme,
  storageAreas,
  storePreferences,
  tabIdOf,
  waitForReaderFrame,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { evaluateIn, localizedTexts, textOf } from '../../support/page-checks';
import { cutOffOptionLabels, fitsAt100, openMoreSettings } from '../../support/popup-layout';
import { applyAndUndoPreset } from '../../support/preset-scenarios';
import { expectReaderInJapanese } from '../../support/reader-reflow';
import { narrowWindowProblems, pinStepsShown } from '../../support/settings-page-scenarios';

const ja = messages('ja');
const SCHEMES = ['light', 'dark'] as const;

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
}, FIREFOX_JAPANESE);

beforeEach(async () => {
  await clearPreferences(session);
  await session.driver.evaluate(() => browser.storage.session.clear());
});
afterEach(async () => {
  await setColorScheme(session, 'light');
  await closeOtherPages(session);
});

async function openPopup(site: Page): Promise<Page> {
  const popup = await openExtensionPage(session, `src/popup/index.html?tab=${await tabIdOf(session, site)}`);
  await popup.setViewport({ width: 360, height: 600 });
  await popup.waitForSelector('#controls:not([hidden])');
  await popup.waitForSelector('[data-preset][aria-pressed]');
  return popup;
}

async function openSettingsPage(path: 'src/options/index.html' | 'src/welcome/index.html'): Promise<Page> {
  const page = await openExtensionPage(session, path);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Every element that takes its text from _locales shows the Japanese one, and the document says it is Japanese. */
async function expectJapanese(page: Page, atLeast: number): Promise<void> {
  expect(await evaluateIn(page, () => document.documentElement.lang, undefined)).toBe('ja');
  const texts = await localizedTexts(page);
  expect(texts.length).toBeGreaterThan(atLeast);
  for (const [key, text] of texts) expect(text, key).toBe(ja[key]?.message);
}

/** axe-core in light, then in dark (the system's scheme switched while the page is open). */
async function violationsLightAndDark(page: Page, what: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const scheme of SCHEMES) {
    await setColorScheme(session, scheme);
    await page.waitForFunction((dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark, { polling: 50 }, scheme === 'dark');
    found[`${what} ${scheme}`] = await axeViolations(page);
  }
  return found;
}

describe('in Japanese (Firefox)', () => {
  it('popup: speaks Japanese, keeps every daily action in view on a Japanese government page, no axe-core violations', async () => {
    const popup = await openPopup(await openPage(session, server.url('japanese-gov.html')));
    await expectJapanese(popup, 15);
    const { below } = await fitsAt100(popup);
    expect(below).toEqual([]);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
    const closed = await violationsLightAndDark(popup, 'popup');
    expect(await openMoreSettings(popup)).toBe(true);
    expect(await cutOffOptionLabels(popup)).toEqual([]);
    const open = await violationsLightAndDark(popup, 'popup, more settings');
    expect({ ...closed, ...open }).toEqual({
      'popup light': [],
      'popup dark': [],
      'popup, more settings light': [],
      'popup, more settings dark': [],
    });
  });

  it('presets: applied and undone from the popup, no axe-core violations while pressed, popup and first-run page', async () => {
    const site = await openPage(session, server.url('meti-release.html'));
    const popup = await openPopup(site);
    expect(await textOf(popup, '[data-preset="easier-to-read"]')).toBe(ja.presetEasierToRead.message);
    const stored = () => storageAreas(session);
    await applyAndUndoPreset({ surface: popup, site, stored, text: ja }, 'larger-text', {
      textScaleBefore: 100,
      appliedMessage: 'presetAppliedGlobal',
    });
    await popup.click('[data-preset="larger-text"]');
    await popup.waitForSelector('[data-preset="larger-text"][aria-pressed="true"]');
    const inPopup = await violationsLightAndDark(popup, 'popup');
    const welcome = await openSettingsPage('src/welcome/index.html');
    await welcome.waitForSelector('[data-preset="larger-text"][aria-pressed="true"]');
    expect({ ...inPopup, ...(await violationsLightAndDark(welcome, 'welcome')) }).toEqual({
      'popup light': [],
      'popup dark': [],
      'welcome light': [],
      'welcome dark': [],
    });
  });

  it("first-run page: every string in Japanese, how to pin with Firefox's own steps, no axe-core violations", async () => {
    const welcome = await openSettingsPage('src/welcome/index.html');
    await expectJapanese(welcome, 15);
    expect(await pinStepsShown(welcome)).toMatchObject({ alt: ja.welcomePinAlt.message, chromeSteps: false, firefoxSteps: true });
    expect(await violationsLightAndDark(welcome, 'welcome')).toEqual({ 'welcome light': [], 'welcome dark': [] });
  });

  it('options page: every string in Japanese, a site listed in Japanese, fits 360 px, no axe-core violations', async () => {
    await storePreferences(session, { 'site:https://www.meti.go.jp': { textScale: 150, readerTheme: 'dark' } });
    const options = await openSettingsPage('src/options/index.html');
    expect(await options.title()).toBe('EasyRead の設定');
    await expectJapanese(options, 40);
    await expect.poll(() => textOf(options, '#site-list')).toContain('文字サイズ：150%、配色：ダーク');
    expect(await violationsLightAndDark(options, 'options')).toEqual({ 'options light': [], 'options dark': [] });
    await options.setViewport({ width: 360, height: 800 });
    expect(await narrowWindowProblems(options)).toEqual([]);
  });

  it('reader: its controls in Japanese, no axe-core violations in its light and dark themes, no voice said in Japanese', async () => {
    const page = await openPage(session, server.url('japanese-gov.html'));
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    await expectReaderInJapanese(frame);
  });
});
