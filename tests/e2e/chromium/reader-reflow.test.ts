/**
 * Reading mode reflows (issue 11, WCAG 1.4.10) in Chromium: at 320 × 256 the
 * article is in view with the toolbar in compact rows, "More settings" opens
 * in a panel that scrolls; at 400 px wide with text at 300% nothing scrolls
 * sideways and the release's facts box stacks. Read aloud with no voice says
 * so (headless Chromium has no speech voices: the engine's own error is what
 * is tested, nothing is stubbed). With the browser in Japanese the reader's
 * controls, its no-voice message and axe-core in its light and dark themes
 * are checked too (as in tests/e2e/firefox/in-japanese.test.ts).
 */
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { type ExtensionSession, runCommand, setGlobalPreferences, waitForReaderFrame } from '../../support/chromium';
import { useFreshTabPerTest, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { evaluateIn } from '../../support/page-checks';
import { expectReaderInJapanese, lastSettingReachable, openReaderSettings, readerLayout } from '../../support/reader-reflow';

let server: FixtureServer;
let session: ExtensionSession;
let page: import('playwright-core').Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function openReader(width: number, height: number): Promise<Frame> {
  await page.setViewportSize({ width, height });
  await page.goto(server.url('meti-release.html'));
  expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
  const frame = await waitForReaderFrame(page);
  await frame.waitForSelector('#article:not([hidden])');
  return frame;
}

describe('reading mode reflow', () => {
  it('shows the article at 320 × 256, with "More settings" in a panel that scrolls', async () => {
    const frame = await openReader(320, 256);
    const layout = await readerLayout(frame);
    expect(layout.viewportWidth).toBe(320);
    // One compact row (2.25rem controls): colours and font wait in "More settings".
    expect(layout.toolbarHeight).toBeLessThanOrEqual(52);
    expect(await evaluateIn(frame, () => document.getElementById('theme')?.closest('.more-grid') !== null, undefined)).toBe(true);
    expect(layout.articleAreaHeight).toBeGreaterThanOrEqual(140);
    expect(layout.titleInView).toBe(true);
    expect(layout.scrollWidth).toBeLessThanOrEqual(320);

    expect(await openReaderSettings(frame)).toBe(true);
    const open = await readerLayout(frame);
    expect(open.articleAreaHeight).toBeGreaterThanOrEqual(140);
    expect(await lastSettingReachable(frame)).toBe(true);
    expect((await readerLayout(frame)).toolbarHeight).toBeLessThanOrEqual(256 * 0.4 + 1);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('has no sideways scrolling at 400 px wide with text at 300%, and the facts box stacks', async () => {
    await setGlobalPreferences(session, { textScale: 300 });
    const frame = await openReader(400, 800);
    const layout = await readerLayout(frame);
    expect(layout.articleFontSize).toBeCloseTo(60, 0); // 300% of 20 px
    expect(layout.scrollWidth).toBeLessThanOrEqual(400);
    expect(layout.factTermLeft).toBeGreaterThan(0);
    expect(layout.factValueLeft).toBe(layout.factTermLeft);
    expect(layout.titleInView).toBe(true);
  });

  it('says plainly that read aloud has no voice, as the live page does', async () => {
    const frame = await openReader(1024, 768);
    expect(await frame.isHidden('#notice')).toBe(true);
    await frame.click('#play');
    await frame.waitForSelector('#notice:not([hidden])', { timeout: 10_000 });
    expect(await frame.textContent('#notice')).toBe(messages('en').speechUnavailable.message);
    await expect.poll(() => frame.getAttribute('#play', 'aria-pressed')).toBe('false');
  });
});

describe('reading mode in Japanese', () => {
  let japanese: ExtensionSession;
  let japaneseServer: FixtureServer;
  useJapaneseChromiumWithServer((readyServer, readySession) => {
    japaneseServer = readyServer;
    japanese = readySession;
  });

  it('speaks Japanese, has no axe-core violations in its light and dark themes, and says in Japanese there is no voice', async () => {
    const site = await japanese.context.newPage();
    await site.goto(japaneseServer.url('japanese-gov.html'));
    expect(await runCommand(japanese, site, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(site);
    await frame.waitForSelector('#article:not([hidden])');
    await expectReaderInJapanese(frame);
  });
});
