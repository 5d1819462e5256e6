/**
 * Every live-page feature's scenarios (tests/support/features/<id>.ts) in
 * Chromium; the same scenarios run in Firefox (tests/e2e/firefox/features.test.ts).
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, it } from 'vitest';
import { runCommand, setGlobalPreferences } from '../../support/chromium';
import { type FreshTab, useFreshTabPerTest } from '../../support/extension-with-server';
import type { FeatureScenarios } from '../../support/feature-scenarios';
import type { LivePageHarness } from '../../support/live-page-scenarios';

let fresh: FreshTab;
useFreshTabPerTest((ready) => {
  fresh = ready;
});

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

const harness: LivePageHarness<Page> = {
  async open(path) {
    const page = opened.length === 0 ? fresh.page : await fresh.session.context.newPage();
    opened.push(page);
    await page.goto(fresh.server.url(path));
    return page;
  },
  command: (page, command) => runCommand(fresh.session, page, command),
  setGlobal: (patch) => setGlobalPreferences(fresh.session, patch),
};

const features = import.meta.glob<FeatureScenarios>('../../support/features/*.ts', { eager: true, import: 'scenarios' });
for (const [path, scenarios] of Object.entries(features)) {
  describe(`${path.replace(/^.*\/|\.ts$/g, '')} (Chromium)`, () => {
    for (const [name, scenario] of Object.entries(scenarios)) it(name, () => scenario(harness));
  });
}
