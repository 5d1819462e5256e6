/**
 * Firefox ESR with its default font size at 32 px (pref
 * font.size.variable.x-western), as in
 * tests/e2e/chromium/large-default-font.test.ts: the popup, options and
 * first-run page follow it, and reading mode's text is at least the page's.
 */
import { describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer, useFirefoxPagesPerTest } from '../../support/extension-with-server';
import {
  closeOtherPages,
  type FirefoxExtensionSession,
  fontSizes,
  openExtensionPage,
  runCommand,
  tabIdOf,
  waitForReaderFrame,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { LARGE_DEFAULT_FONT, ownPageTextSizes } from '../../support/large-default-font';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer(
  (readyServer, readySession) => {
    server = readyServer;
    session = readySession;
  },
  { prefs: { 'font.size.variable.x-western': LARGE_DEFAULT_FONT } },
);
const open = useFirefoxPagesPerTest(() => ({ server, session }));

describe('with a 32 px default font size (Firefox)', () => {
  it('sizes the popup, options and first-run page from it', async () => {
    const site = await open('meti-release.html');
    for (const path of [`src/popup/index.html?tab=${await tabIdOf(session, site)}`, 'src/options/index.html', 'src/welcome/index.html']) {
      const page = await openExtensionPage(session, path);
      const sizes = await ownPageTextSizes(page);
      expect(sizes.body, path).toBe(LARGE_DEFAULT_FONT);
      expect(sizes.smallest, path).toBeGreaterThanOrEqual(LARGE_DEFAULT_FONT * 0.9);
    }
    await closeOtherPages(session);
  });

  it("shows reading mode's text at least as large as the page's", async () => {
    const page = await open('rem-em.html');
    const [pageText] = await fontSizes(page, 'body');
    expect(pageText).toBe(LARGE_DEFAULT_FONT);
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    const [readerText] = await fontSizes(frame, '#article');
    expect(readerText).toBeGreaterThanOrEqual(pageText);
    expect(readerText).toBe(LARGE_DEFAULT_FONT * 1.25);
  });
});
