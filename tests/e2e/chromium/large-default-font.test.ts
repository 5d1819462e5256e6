/**
 * Chromium with its default font size at 32 px (profile preference
 * webkit.webprefs.default_font_size): the popup, options and first-run page
 * follow it, and reading mode's text is at least as large as the page's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionSession, launchWithExtension, runCommand, tabIdOf, waitForReaderFrame } from '../../support/chromium';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
import { LARGE_DEFAULT_FONT, ownPageTextSizes } from '../../support/large-default-font';
import { fontSizes } from '../../support/page-checks';

let server: FixtureServer;
let session: ExtensionSession;

beforeAll(async () => {
  server = await startFixtureServer();
  session = await launchWithExtension({ defaultFontSize: LARGE_DEFAULT_FONT });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('with a 32 px default font size', () => {
  it('sizes the popup, options and first-run page from it', async () => {
    const site = await session.context.newPage();
    await site.goto(server.url('meti-release.html'));
    for (const path of [`src/popup/index.html?tab=${await tabIdOf(session, site)}`, 'src/options/index.html', 'src/welcome/index.html']) {
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/${path}`);
      await page.waitForLoadState('load');
      const sizes = await ownPageTextSizes(page);
      expect(sizes.body, path).toBe(LARGE_DEFAULT_FONT);
      // Nothing stays at the old fixed 15 px: the smallest text is 15/16 of the default or more.
      expect(sizes.smallest, path).toBeGreaterThanOrEqual(LARGE_DEFAULT_FONT * 0.9);
      await page.close();
    }
  });

  it("shows reading mode's text at least as large as the page's", async () => {
    const page = await session.context.newPage();
    // A page sized in rem follows the browser's default: its body text is 32 px here.
    await page.goto(server.url('rem-em.html'));
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
