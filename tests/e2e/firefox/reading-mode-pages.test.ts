/**
 * Reading mode on real-world page shapes in Firefox ESR: the shared scenarios
 * of tests/support/reading-mode-scenarios.ts (the Chromium file runs the same
 * ones). Errors are collected from what WebDriver BiDi reports for the tab and
 * its frames (console errors, uncaught errors) and from what Firefox prints;
 * Firefox keeps some add-on errors (such as a promise rejected after its page
 * unloaded) in the Browser Console only, which automation cannot read.
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebExtension from 'webextension-polyfill';
import { useFirefoxExtensionWithServer, useFirefoxPagesPerTest } from '../../support/extension-with-server';
import {
  clearPreferences,
  type FirefoxExtensionSession,
  readerFramesOf,
  runCommand,
  tabIdOf,
  waitForReaderFrame,
  waitForReaderGone,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { type ReaderFrame, type ReaderHarness, readerScenarios } from '../../support/reading-mode-scenarios';

declare const browser: WebExtension.Browser;

let server: FixtureServer;
let session: FirefoxExtensionSession;
let page: Page;
let errors: string[] = [];

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
  const output = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (/moz-extension:|context unloaded|Conduits/.test(line)) errors.push(line);
  };
  session.browser.process()?.stdout?.on('data', output);
  session.browser.process()?.stderr?.on('data', output);
});
const openFixture = useFirefoxPagesPerTest(() => ({ server, session }));

beforeEach(async () => {
  await clearPreferences(session);
  errors = [];
});

/** The web page's own errors (one scenario has the page try to load our scripts, as a hostile page would): not ours. */
function isThePagesOwn(text: string): boolean {
  return /Security Error: Content at http:\/\/127\.0\.0\.1:\d+\/\S+ may not load or link to moz-extension:/.test(text);
}

function readerFrame(frame: Frame): ReaderFrame {
  return {
    evaluate: (script) => frame.evaluate(script),
    async click(selector, how = {}) {
      if (how.modifier) await page.keyboard.down(how.modifier);
      try {
        await frame.click(selector, { button: how.button ?? 'left' });
      } finally {
        if (how.modifier) await page.keyboard.up(how.modifier);
      }
    },
  };
}

const harness: ReaderHarness = {
  get server() {
    return server;
  },
  async open(path) {
    page = await openFixture(path);
    page.on('console', (message) => {
      if (message.type() === 'error' && !isThePagesOwn(message.text())) errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (!isThePagesOwn(String(error))) errors.push(`uncaught: ${String(error)}`);
    });
    return page;
  },
  page: () => page,
  async toggleReader() {
    return ((await runCommand(session, page, 'toggle-reading-mode')) as { readerOpen?: boolean }).readerOpen === true;
  },
  async readerFrame() {
    for (let i = 0; i < 300; i++) {
      for (const frame of await readerFramesOf(page)) {
        if (await frame.$('#article:not([hidden]), #notice:not([hidden])').catch(() => null)) return readerFrame(frame);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error('no reader frame showed an article or a notice');
  },
  readerFrames: async () => (await readerFramesOf(page)).map(readerFrame),
  readerGone: () => waitForReaderGone(page),
  async waitForPageUrl(url) {
    await page.waitForFunction((url) => location.href === url, { polling: 100, timeout: 15_000 }, url);
    return page;
  },
  tabCount: () => session.driver.evaluate(async () => (await browser.tabs.query({})).length),
  tabId: () => tabIdOf(session, page),
  setGlobalPreferences: (patch) =>
    session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...((preferences as object) ?? {}), ...patch } });
    }, patch),
  extensionErrors: async () => [...errors],
};

// Whatever the scenario, the browser lists no error of the extension afterwards.
afterEach(() => {
  expect(errors).toEqual([]);
});

describe('reading mode on real pages (Firefox)', () => {
  for (const [name, scenario] of Object.entries(readerScenarios)) it(name, () => scenario(harness));
});

describe('reading mode by its command (Firefox)', () => {
  it('opens over the page with the article, and closes giving the page back exactly', async () => {
    const page = await openFixture('meti-release.html');
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    expect(await frame.$eval('#article-title', (element) => element.textContent)).toContain(
      'Sixth Meeting of the Japan-China Joint IP Working Group',
    );
    expect(await frame.$eval('#content', (element) => element.textContent)).toContain('On December 13, 2017');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: false });
    await waitForReaderGone(page);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});
