/**
 * Furigana on the live page in Debian's Chromium with the built extension (scenarios shared with
 * Firefox: tests/support/furigana-scenarios.ts). The analyzer runs in the offscreen document.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, runCommand, setGlobalPreferences, waitForReaderFrame } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import {
  type FuriganaReaderBrowser,
  PAGE,
  readsEachLevelAndGivesThePageBack,
  readsLateContentAndScalesWithTextSize,
  readsTheReaderArticle,
} from '../../support/furigana-scenarios';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function open(): Promise<{ browser: FuriganaReaderBrowser; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url(PAGE));
  await page.waitForLoadState('load');
  const openReader = async () => {
    expect(await runCommand(session, page, 'toggle-reading-mode')).toMatchObject({ ok: true, readerOpen: true });
    return waitForReaderFrame(page);
  };
  return { browser: { page, setPreferences: (patch) => setGlobalPreferences(session, patch), openReader }, errors };
}

describe('Chromium: furigana on the live page', () => {
  it('puts readings where each level wants them, keeps forms, editors, code, Chinese and existing ruby, and off gives the page back exactly', async () => {
    const { browser, errors } = await open();
    await readsEachLevelAndGivesThePageBack(browser);
    expect(errors).toEqual([]);
  }, 120_000);

  it('reads content that arrives later, scales with the text size, and leaves no trace', async () => {
    const { browser, errors } = await open();
    await readsLateContentAndScalesWithTextSize(browser);
    expect(errors).toEqual([]);
  }, 120_000);

  it('puts readings in the reader article at the chosen level, keeps its own ruby once, and takes them away when turned off', async () => {
    const { browser, errors } = await open();
    await readsTheReaderArticle(browser);
    expect(errors).toEqual([]);
  }, 120_000);
});
