/** The middle tier in Debian's Chromium: the modules alone in a fixture page (see tests/support/module-scenarios.ts). */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { assertChromiumInstalled, CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { bundleModules } from '../support/module-bundle';
import { type ModuleHarness, type ModuleScenario, moduleScenarios } from '../support/module-scenarios';

let server: FixtureServer;
let browser: Browser;
let bundle: string;
const pages: Page[] = [];

beforeAll(async () => {
  assertChromiumInstalled();
  [server, bundle] = await Promise.all([startFixtureServer(), bundleModules()]);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const harness: ModuleHarness = {
  async open(path) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    pages.push(page);
    await page.goto(server.url(path));
    await page.addScriptTag({ content: bundle });
    return page;
  },
};

describe('content-script modules without the extension (Chromium)', () => {
  it.each(Object.keys(moduleScenarios) as ModuleScenario[])('%s', (name) => moduleScenarios[name](harness));
});
