/**
 * The reading ruler and read aloud on the live page in Firefox ESR: the ruler
 * dims the page outside the band at the pointer and goes without a trace;
 * read aloud highlights the sentence it reads from the selection (Firefox's
 * own speech engine, with whatever voices this machine has), and Esc stops it.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import { clearPreferences, type FirefoxExtensionSession, openPage, runCommand } from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { hasOurHighlight, hasOurHost, highlightedText, lacksOurHost } from '../../support/our-names';
import { luminanceAt, type Point } from '../../support/pixels';

let server: FixtureServer;
let session: FirefoxExtensionSession;
let page: Page;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => {
  await clearPreferences(session);
  page = await openPage(session, server.url('meti-release.html'));
});

afterEach(async () => {
  await page?.close().catch(() => undefined);
});

const outerHtml = () => page.evaluate(() => document.documentElement.outerHTML);

async function brightness(points: readonly Point[]): Promise<number[]> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return luminanceAt(session.driver, await page.screenshot(), points);
}

describe('reading ruler (Firefox)', () => {
  it('dims the page outside the band at the pointer, and is removed exactly', async () => {
    const TOP: Point = [4, 120];
    const MIDDLE: Point = [4, 450];
    const before = await outerHtml();
    const plain = await brightness([TOP, MIDDLE]);
    await page.mouse.move(300, 450);
    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: true });
    await page.waitForFunction(hasOurHost, { timeout: 10_000 }, 'l');
    await page.mouse.move(302, 450);
    const [top, middle] = await brightness([TOP, MIDDLE]);
    expect(top).toBeLessThan(plain[0] * 0.6);
    expect(middle).toBeCloseTo(plain[1], 2);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: false });
    await page.waitForFunction(lacksOurHost, { timeout: 10_000 }, 'l');
    expect(await outerHtml()).toBe(before);
  });
});

describe('read aloud (Firefox)', () => {
  it('highlights the first sentence of the selection, and Esc stops and clears it', async () => {
    const before = await outerHtml();
    await page.evaluate(() => {
      const paragraph = document.querySelector('[data-probe="body-paragraph"]');
      if (paragraph) getSelection()?.selectAllChildren(paragraph);
    });
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'selection' });
    // Headless Firefox here has no voices: the engine gives up on the first sentence at once, and
    // that sentence stays marked beside the bar's message until Esc. With a voice it is marked while read.
    const highlighted = () => page.evaluate(highlightedText, 's').then((ranges) => ranges.join(''));
    await page.waitForFunction(hasOurHighlight, { timeout: 10_000 }, 's');
    expect(await highlighted()).toMatch(/^On December 13, 2017, the Ministry of Economy, Trade and Industry.*in Beijing, China\.$/s);
    await page.waitForFunction(hasOurHost, {}, 'r');

    // Esc silences the voice, or (with the bar saying no voice could speak) closes the bar.
    for (let i = 0; i < 2 && (await page.evaluate(hasOurHost, 'r')); i++) await page.keyboard.press('Escape');
    await page.waitForFunction(lacksOurHost, { timeout: 10_000 }, 'r');
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await outerHtml()).toBe(before);
  });
});
