/**
 * Self-test of the error collector in Chromium (tests/support/chromium-errors.ts):
 * each of our kinds of context fails on purpose, and the collector must have
 * the failure (so these tests fail if it misses one); a page's own failures
 * are not taken for ours.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, runCommand, waitForReaderFrame, waitForReaderGone } from '../../support/chromium';
import { contentWorld } from '../../support/content-world';
import { expectCaught, expectNoneFrom, failingCode, SELF_TEST } from '../../support/error-self-test';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

describe('the error collector (Chromium)', () => {
  it('catches errors of our content script world', async () => {
    await page.goto(server.url('meti-release.html'));
    const world = await contentWorld(page, session.extensionId);
    await world.evaluate(failingCode('the content world'));
    const taken = await expectCaught(session.errors, 'the content world');
    expect(taken[0].context).toContain('content script on http://127.0.0.1');
    await world.detach();
  });

  it('catches errors and CSP reports of our extension pages', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
    await popup.evaluate(failingCode('the popup page'));
    await expectCaught(session.errors, 'the popup page');
    // Parsing markup with an inline handler in our page is reported against our CSP, as reading mode does today.
    await popup.evaluate(() => new DOMParser().parseFromString('<p onclick="alert(1)">x</p>', 'text/html').body.textContent);
    await session.errors.flush();
    expect(session.errors.take()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'browser', text: expect.stringContaining('Executing inline event handler') }),
      ]),
    );
    await popup.close();
  });

  it('catches errors of our pages framed in a web page (the reader frame)', async () => {
    await page.goto(server.url('meti-release.html'));
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    await frame.evaluate(failingCode('the reader frame'));
    await expectCaught(session.errors, 'the reader frame');
  });

  it('catches errors of the service worker', async () => {
    await session.worker.evaluate(failingCode('the service worker'));
    await expectCaught(session.errors, 'the service worker');
  });

  it("does not take a page's own errors for ours", async () => {
    await page.goto(server.url('meti-release.html'));
    const failed = Promise.all([page.waitForEvent('pageerror'), page.waitForEvent('console', (message) => message.type() === 'error')]);
    await page.evaluate(failingCode('the page itself'));
    await expectNoneFrom(session.errors, SELF_TEST, failed);
  });
});

describe('reading mode leaves no error of ours (issue 10, item 7)', () => {
  it('opens and closes on a page full of inline event handlers', async () => {
    await page.goto(server.url('inline-handlers.html'));
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    expect(await frame.textContent('#content')).toContain('ferries between the north and south piers');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: false });
    await waitForReaderGone(page);
    // The collector (afterEach) fails this test on any error of ours, such as a CSP report per inline handler.
  });
});
