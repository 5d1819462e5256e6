/**
 * Reading mode opened and closed by its command in Firefox ESR (the real-world page shapes are in
 * reading-mode-pages.test.ts): the article over the page, and the page given back exactly.
 */
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import { type FirefoxExtensionSession, runCommand, waitForReaderFrame, waitForReaderGone } from '../../support/firefox';

let session: FirefoxExtensionSession;

// Pages opened by a test load with nothing applied.
const open = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

describe('Firefox reading mode', () => {
  it('opens over the page with the article, and closes giving the page back exactly', async () => {
    const page = await open('meti-release.html');
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
