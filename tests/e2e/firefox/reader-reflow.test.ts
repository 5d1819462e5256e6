/**
 * Reading mode reflows in Firefox ESR, as in
 * tests/e2e/chromium/reader-reflow.test.ts: the article in view at 320 × 256,
 * no sideways scrolling at 400 px with text at 300% and the facts box stacked,
 * and read aloud with no voice said plainly (headless Firefox here has no
 * speech voices; its engine then keeps the sentence pending without an
 * error, which the reader notices). axe-core finds no violations at 320 × 256
 * with "More settings" open, nor in any of the reader's colour themes (as
 * "reading mode accessibility" in tests/e2e/chromium/reading-mode.test.ts).
 */
import type { Frame, Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { READER_THEMES } from '../../../src/shared/preferences/schema';
import { axeViolations } from '../../support/axe';
import { useFirefoxExtensionWithServer, useFirefoxPagesPerTest } from '../../support/extension-with-server';
import { clearPreferences, type FirefoxExtensionSession, runCommand, storePreferences, waitForReaderFrame } from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import { evaluateIn } from '../../support/page-checks';
import { chooseReaderTheme, lastSettingReachable, openReaderSettings, readerLayout } from '../../support/reader-reflow';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});
const open = useFirefoxPagesPerTest(() => ({ server, session }));

beforeEach(async () => clearPreferences(session));

async function openReader(width: number, height: number): Promise<{ page: Page; frame: Frame }> {
  const page = await open('meti-release.html');
  await page.setViewport({ width, height });
  expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
  const frame = await waitForReaderFrame(page);
  await frame.waitForSelector('#article:not([hidden])');
  return { page, frame };
}

describe('reading mode reflow (Firefox)', () => {
  it('shows the article at 320 × 256, with "More settings" in a panel that scrolls', async () => {
    const { frame } = await openReader(320, 256);
    const layout = await readerLayout(frame);
    expect(layout.viewportWidth).toBe(320);
    // One compact row (2.25rem controls): colours and font wait in "More settings".
    expect(layout.toolbarHeight).toBeLessThanOrEqual(52);
    expect(await evaluateIn(frame, () => document.getElementById('theme')?.closest('.more-grid') !== null, undefined)).toBe(true);
    expect(layout.articleAreaHeight).toBeGreaterThanOrEqual(140);
    expect(layout.titleInView).toBe(true);
    expect(layout.scrollWidth).toBeLessThanOrEqual(320);
    expect(await openReaderSettings(frame)).toBe(true);
    expect((await readerLayout(frame)).articleAreaHeight).toBeGreaterThanOrEqual(140);
    expect(await lastSettingReachable(frame)).toBe(true);
    expect((await readerLayout(frame)).toolbarHeight).toBeLessThanOrEqual(256 * 0.4 + 1);
    expect(await axeViolations(frame)).toEqual([]);
  });

  it('has no sideways scrolling at 400 px wide with text at 300%, and the facts box stacks', async () => {
    await storePreferences(session, { preferences: { version: 1, textScale: 300 } });
    const { frame } = await openReader(400, 800);
    const layout = await readerLayout(frame);
    expect(layout.articleFontSize).toBeCloseTo(60, 0);
    expect(layout.scrollWidth).toBeLessThanOrEqual(400);
    expect(layout.factTermLeft).toBeGreaterThan(0);
    expect(layout.factValueLeft).toBe(layout.factTermLeft);
  });

  it('says plainly that read aloud has no voice, as the live page does', async () => {
    const { frame } = await openReader(1024, 768);
    await frame.click('#play');
    await frame.waitForSelector('#notice:not([hidden])', { timeout: 10_000 });
    const notice = await evaluateIn(frame, () => document.getElementById('notice')?.textContent ?? '', undefined);
    expect(notice).toBe(messages('en').speechUnavailable.message);
    expect(await evaluateIn(frame, () => document.getElementById('play')?.getAttribute('aria-pressed'), undefined)).toBe('false');
  });

  it('has no axe-core violations in any colour theme, "More settings" open', async () => {
    const { frame } = await openReader(1024, 768);
    expect(await openReaderSettings(frame)).toBe(true);
    const found: Record<string, string[]> = {};
    for (const theme of READER_THEMES) {
      await chooseReaderTheme(frame, theme);
      found[theme] = await axeViolations(frame);
    }
    expect(found).toEqual(Object.fromEntries(READER_THEMES.map((theme) => [theme, []])));
  });
});
