/**
 * Furigana on the live page in Debian's Chromium with the built extension (scenarios shared with
 * Firefox: tests/support/furigana-scenarios.ts). The analyzer runs in the offscreen document.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, setGlobalPreferences } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import {
  type FuriganaBrowser,
  PAGE,
  readsEachLevelAndGivesThePageBack,
  readsLateContentAndScalesWithTextSize,
} from '../../support/furigana-scenarios';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function open(): Promise<{ browser: FuriganaBrowser; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url(PAGE));
  await page.waitForLoadState('load');
  return { browser: { page, setPreferences: (patch) => setGlobalPreferences(session, patch) }, errors };
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
});
