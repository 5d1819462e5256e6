/**
 * Self-test of the error collector in Firefox (tests/support/firefox-errors.ts):
 * each of our kinds of context fails on purpose, and the collector must have
 * the failure (so these tests fail if it misses one); a page's own failures
 * are not taken for ours.
 */

import { describe, expect, it } from 'vitest';
import type WebExtension from 'webextension-polyfill';
import { expectCaught, expectNoneFrom, failingCode, SELF_TEST } from '../../support/error-self-test';
import { useFirefoxExtensionWithServer, useFirefoxPagesPerTest } from '../../support/extension-with-server';
import {
  FAIL_IN_BACKGROUND,
  FAILING_CONTENT_SCRIPT,
  type FirefoxExtensionSession,
  openExtensionPage,
  runCommand,
  tabIdOf,
  waitForReaderFrame,
  waitForReaderGone,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';

declare const browser: WebExtension.Browser;

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

const open = useFirefoxPagesPerTest(() => ({ server, session }));

describe('the error collector (Firefox)', () => {
  it('catches errors of our content script world', async () => {
    const page = await open('meti-release.html');
    const tabId = await tabIdOf(session, page);
    await session.driver.evaluate(
      (tabId, file) => browser.scripting.executeScript({ target: { tabId }, files: [`/${file}`] }).then(() => true),
      tabId,
      FAILING_CONTENT_SCRIPT,
    );
    const taken = await expectCaught(session.errors, 'a content script');
    expect(taken.find((error) => error.kind === 'uncaught')?.context).toContain(FAILING_CONTENT_SCRIPT);
  });

  it('catches errors of our extension pages', async () => {
    const options = await openExtensionPage(session, 'src/options/index.html');
    await options.evaluate(failingCode('the options page'));
    const taken = await expectCaught(session.errors, 'the options page');
    expect(taken.find((error) => error.kind === 'uncaught')?.context).toContain('/src/options/index.html');
    await options.close();
  });

  it('catches errors of the background', async () => {
    await session.driver.evaluate((type) => browser.runtime.sendMessage({ type }), FAIL_IN_BACKGROUND);
    const taken = await expectCaught(session.errors, 'the background');
    expect(taken.find((error) => error.kind === 'uncaught')?.context).toContain('/test-driver.js');
  });

  it("does not take a page's own errors for ours", async () => {
    const page = await open('meti-release.html');
    const failed = Promise.all([
      new Promise((seen) => page.once('pageerror', seen)),
      new Promise((seen) => page.on('console', (message) => message.type() === 'error' && seen(message))),
    ]);
    await page.evaluate(failingCode('the page itself'));
    await expectNoneFrom(session.errors, SELF_TEST, failed);
  });
});

describe('reading mode leaves no error of ours (issue 10, item 7)', () => {
  it('opens and closes on a page full of inline event handlers', async () => {
    const page = await open('inline-handlers.html');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])', { timeout: 15_000 });
    expect(await frame.$eval('#content', (content) => content.textContent)).toContain('ferries between the north and south piers');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: false });
    await waitForReaderGone(page);
    // The collector (afterEach) fails this test on any error of ours, such as one logged when the reader closes.
  });
});
