/** The middle tier in Debian's Firefox ESR: the modules alone in a fixture page (see tests/support/module-scenarios.ts). */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { FIREFOX_PATH } from '../support/firefox';
import { type FixtureServer, startFixtureServer } from '../support/fixture-server';
import { bundleModules } from '../support/module-bundle';
import { type ModuleHarness, type ModuleScenario, moduleScenarios } from '../support/module-scenarios';

let server: FixtureServer;
let browser: Browser;
let bundle: string;
const pages: Page[] = [];

beforeAll(async () => {
  [server, bundle] = await Promise.all([startFixtureServer(), bundleModules()]);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 900 },
    timeout: 60_000,
    protocolTimeout: 60_000,
  });
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
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(server.url(path));
    await page.addScriptTag({ content: bundle });
    return page;
  },
};

describe('content-script modules without the extension (Firefox)', () => {
  it.each(Object.keys(moduleScenarios) as ModuleScenario[])('%s', (name) => moduleScenarios[name](harness));
});
