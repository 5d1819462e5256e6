/**
 * Furigana on the live page in Firefox ESR with the built extension (scenarios shared with
 * Chromium: tests/support/furigana-scenarios.ts). The analyzer's worker runs in the background page.
 */
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import type { FirefoxExtensionSession } from '../../support/firefox';
import {
  type FuriganaBrowser,
  PAGE,
  readsEachLevelAndGivesThePageBack,
  readsLateContentAndScalesWithTextSize,
} from '../../support/furigana-scenarios';

let session: FirefoxExtensionSession;

const openPage = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

async function open(): Promise<{ browser: FuriganaBrowser; errors: string[] }> {
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
  return { browser: { page, setPreferences }, errors };
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
});
