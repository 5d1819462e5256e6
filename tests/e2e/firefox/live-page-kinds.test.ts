/**
 * The live page on every kind of page, in Firefox ESR (scenarios shared with
 * Chromium in tests/support/live-page-scenarios.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import { type FirefoxExtensionSession, runCommand } from '../../support/firefox';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
import * as scenarios from '../../support/live-page-scenarios';
import { lacksOurStyle } from '../../support/our-names';

let session: FirefoxExtensionSession;
const open = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

/** Another origin that the test copy of the add-on has no access to. */
let foreign: FixtureServer;
beforeAll(async () => {
  foreign = await startFixtureServer({ host: '127.0.0.2' });
});
afterAll(() => foreign.close());

const harness: scenarios.LivePageHarness<Page> = {
  open,
  command: (page, command) => runCommand(session, page, command),
  async setGlobal(patch) {
    await session.driver.evaluate(async (patch) => {
      const { preferences } = await browser.storage.sync.get('preferences');
      await browser.storage.sync.set({ preferences: { version: 1, ...(preferences ?? {}), ...patch } });
    }, patch);
  },
};

describe('text size on every kind of page', () => {
  it('scales sizes set inline with !important, keeps the page’s later edits, and reset is exact', () =>
    scenarios.inlineImportantSizes(harness));
  it('reaches srcdoc, about:blank, javascript: and sandboxed frames', () => scenarios.framesOfEveryKind(harness));
  it('keeps every frame readable under each dark colour scheme, even one it may not adjust', () =>
    scenarios.framesReadableUnderSchemes(harness, foreign.url('frame-text.html')));
  it('scales a contenteditable page, leaves typing alone and writes nothing into what the user edits', () =>
    scenarios.editableBody(harness));
  it('scales an editor frame in designMode without touching the message it would send', () => scenarios.designModeFrame(harness));
  it('keeps the size when a page replaces itself with document.open()', () => scenarios.replacedDocument(harness));
  it('leaves SVG and XML documents untouched (reading mode declines) and scales plain text', () =>
    scenarios.documentsThatAreNotHtml(harness));
  it('keeps text spacing off icon-font glyphs', () => scenarios.spacingSkipsIcons(harness));
  it('scales all of a 20,000-element page exactly, in slices', () => scenarios.largePageExact(harness));
});

describe('page adjustments on a page with hostile CSS', () => {
  it('paints the yellow-on-black scheme and WCAG spacing over it, and takes them away exactly', async () => {
    const page = await open('hostile-css.html');
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    await session.driver.evaluate(() =>
      browser.storage.sync.set({ preferences: { version: 1, pageColours: 'yellow-on-black', pageSpacing: 'wcag' } }),
    );
    await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(255, 255, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    const paragraph = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('p') as Element);
      return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
    });
    expect(paragraph).toBeCloseTo(1.5, 1);
    await session.driver.evaluate(() => browser.storage.sync.set({ preferences: { version: 1 } }));
    await page.waitForFunction(lacksOurStyle, {}, 'a');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});
