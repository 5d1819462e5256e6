/**
 * The live page on every kind of page, in Chromium (scenarios shared with
 * Firefox in tests/support/live-page-scenarios.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { runCommand, setGlobalPreferences } from '../../support/chromium';
import { type FreshTab, useFreshTabPerTest } from '../../support/extension-with-server';
import { type FixtureServer, startFixtureServer } from '../../support/fixture-server';
import * as scenarios from '../../support/live-page-scenarios';

let fresh: FreshTab;
useFreshTabPerTest((ready) => {
  fresh = ready;
});

const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

/** Another origin that the test copy of the extension has no access to. */
let foreign: FixtureServer;
beforeAll(async () => {
  foreign = await startFixtureServer({ host: '127.0.0.2' });
});
afterAll(() => foreign.close());

const harness: scenarios.LivePageHarness<Page> = {
  async open(path) {
    const page = opened.length === 0 ? fresh.page : await fresh.session.context.newPage();
    opened.push(page);
    await page.goto(fresh.server.url(path));
    return page;
  },
  command: (page, command) => runCommand(fresh.session, page, command),
  setGlobal: (patch) => setGlobalPreferences(fresh.session, patch),
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
  it('leaves SVG and XML documents untouched and scales plain text', () => scenarios.documentsThatAreNotHtml(harness));
  it('keeps text spacing off icon-font glyphs', () => scenarios.spacingSkipsIcons(harness));
  it('scales all of a 20,000-element page exactly, in slices', () => scenarios.largePageExact(harness));
});
