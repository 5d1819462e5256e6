/**
 * Furigana on the live page in Firefox ESR with the built extension (scenarios shared with
 * Chromium: tests/support/furigana-scenarios.ts). The analyzer's worker runs in the background page.
 */
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import { type FirefoxExtensionSession, runCommand, waitForReaderFrame } from '../../support/firefox';
import {
  type FuriganaReaderBrowser,
  PAGE,
  readsEachLevelAndGivesThePageBack,
  readsLateContentAndScalesWithTextSize,
  readsTheReaderArticle,
} from '../../support/furigana-scenarios';

let session: FirefoxExtensionSession;

const openPage = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

async function open(): Promise<{ browser: FuriganaReaderBrowser; errors: string[] }> {
  const page = await openPage(PAGE);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const setPreferences = (patch: Record<string, unknown>) =>
    session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...(preferences as object | undefined), ...patch } });
    }, patch);
  const openReader = async () => {
    expect(await runCommand(session, page, 'toggle-reading-mode')).toMatchObject({ ok: true, readerOpen: true });
    return waitForReaderFrame(page);
  };
  return { browser: { page, setPreferences, openReader }, errors };
}

describe('Firefox: furigana on the live page', () => {
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
