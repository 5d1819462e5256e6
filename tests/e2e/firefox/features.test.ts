/**
 * Every live-page feature's scenarios (tests/support/features/<id>.ts) in
 * Firefox ESR; the same scenarios run in Chromium (tests/e2e/chromium/features.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { describe, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import type { FeatureScenarios } from '../../support/feature-scenarios';
import { type FirefoxExtensionSession, runCommand } from '../../support/firefox';
import type { LivePageHarness } from '../../support/live-page-scenarios';

let session: FirefoxExtensionSession;
const open = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

const harness: LivePageHarness<Page> = {
  open,
  command: (page, command) => runCommand(session, page, command),
  async setGlobal(patch) {
    await session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...(preferences ?? {}), ...patch } });
    }, patch);
  },
};

const features = import.meta.glob<FeatureScenarios>('../../support/features/*.ts', { eager: true, import: 'scenarios' });
for (const [path, scenarios] of Object.entries(features)) {
  describe(`${path.replace(/^.*\/|\.ts$/g, '')} (Firefox)`, () => {
    for (const [name, scenario] of Object.entries(scenarios)) it(name, () => scenario(harness));
  });
}
