/**
 * The reading ruler and read aloud on the live page, in Firefox ESR with the built add-on: the shared
 * scenarios (tests/support/page-tools-scenarios.ts, also run in Chromium), where read aloud speaks
 * into a stub (tests/support/speech-stub.ts) because headless Firefox here has no voices; and what
 * Firefox's own speech engine does with no voice at all.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import {
  clearPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  openPage,
  runCommand,
  tabIdOf,
  waitForAutoApply,
  waitForReaderFrame,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { hasOurHighlight, hasOurHost, highlightedText, lacksOurHost } from '../../support/our-names';
import {
  type PageToolsHarness,
  type ReadAloudScenario,
  type RulerScenario,
  readAloudScenarios,
  rulerScenarios,
} from '../../support/page-tools-scenarios';
import { luminanceAt } from '../../support/pixels';

let server: FixtureServer;
let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

async function clearAll(): Promise<void> {
  await clearPreferences(session);
  await waitForAutoApply(session, 100);
}

beforeEach(clearAll);
afterEach(() => closeOtherPages(session));

const harness: PageToolsHarness = {
  url: (path) => server.url(path),
  open: (path) => openPage(session, server.url(path)),
  command: (page, command) => runCommand(session, page as Page, command),
  tabIdOf: (page) => tabIdOf(session, page as Page),
  clearPreferences: clearAll,
  async setGlobal(patch) {
    await session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...((preferences as object) ?? {}), ...patch } });
    }, patch);
  },
  inExtension: (fn, arg) => session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
  readerFrame: (page) => waitForReaderFrame(page as Page),
  luminance: (png, points) => luminanceAt(session.driver, png, points),
};

describe('reading ruler', () => {
  it.each(Object.keys(rulerScenarios) as RulerScenario[])('%s', (name) => rulerScenarios[name](harness));
});

describe('read aloud on the page', () => {
  it.each(Object.keys(readAloudScenarios) as ReadAloudScenario[])('%s', (name) => readAloudScenarios[name](harness));
});

describe("read aloud with Firefox's own speech engine and no voice", () => {
  it('keeps the first sentence of the selection marked beside the message, and Esc clears it', async () => {
    const page = await openPage(session, server.url('meti-release.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    // No stub: headless Firefox here has no voices, so the engine gives up on the first sentence at once.
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await page.evaluate(() => {
      const paragraph = document.querySelector('[data-probe="body-paragraph"]');
      if (paragraph) getSelection()?.selectAllChildren(paragraph);
    });
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'selection' });
    const highlighted = () => page.evaluate(highlightedText, 's').then((ranges) => ranges.join(''));
    await page.waitForFunction(hasOurHighlight, { timeout: 10_000 }, 's');
    expect(await highlighted()).toMatch(/^On December 13, 2017, the Ministry of Economy, Trade and Industry.*in Beijing, China\.$/s);
    await page.waitForFunction(hasOurHost, {}, 'r');

    // With the bar saying no voice could speak, Esc closes it.
    await page.keyboard.press('Escape');
    await page.waitForFunction(lacksOurHost, { timeout: 10_000 }, 'r');
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });
});
