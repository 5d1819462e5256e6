/**
 * The reading ruler and read aloud on the live page, in Debian's Chromium with the built extension:
 * the shared scenarios (tests/support/page-tools-scenarios.ts, also run in Firefox). Headless
 * Chromium has no speech voices: read aloud speaks into a stub (tests/support/speech-stub.ts).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { clearPreferences, runCommand, setGlobalPreferences, tabIdOf, waitForReaderFrame } from '../../support/chromium';
import { type FreshTab, useFreshTabPerTest } from '../../support/extension-with-server';
import {
  type PageToolsHarness,
  type ReadAloudScenario,
  type RulerScenario,
  readAloudScenarios,
  rulerScenarios,
} from '../../support/page-tools-scenarios';
import { luminanceAt } from '../../support/pixels';

let fresh: FreshTab;
useFreshTabPerTest((ready) => {
  fresh = ready;
});

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) if (page !== fresh.page) await page.close().catch(() => undefined);
});

const harness: PageToolsHarness = {
  url: (path) => fresh.server.url(path),
  async open(path) {
    const page = opened.length === 0 ? fresh.page : await fresh.session.context.newPage();
    opened.push(page);
    await page.goto(fresh.server.url(path));
    await page.bringToFront();
    return page;
  },
  command: (page, command) => runCommand(fresh.session, page as Page, command),
  tabIdOf: (page) => tabIdOf(fresh.session, page as Page),
  clearPreferences: () => clearPreferences(fresh.session),
  setGlobal: (patch) => setGlobalPreferences(fresh.session, patch),
  inExtension: (fn, arg) => fresh.session.driver.evaluate(fn as (arg: unknown) => Promise<unknown>, arg as unknown) as never,
  readerFrame: (page) => waitForReaderFrame(page as Page),
  luminance: (png, points) => luminanceAt(fresh.session.driver, png, points),
};

describe('reading ruler', () => {
  it.each(Object.keys(rulerScenarios) as RulerScenario[])('%s', (name) => rulerScenarios[name](harness));
});

describe('read aloud on the page', () => {
  it.each(Object.keys(readAloudScenarios) as ReadAloudScenario[])('%s', (name) => readAloudScenarios[name](harness));
});
