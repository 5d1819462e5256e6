/**
 * The optional on-page button (issue 11) in Firefox ESR with the built
 * add-on, as in tests/e2e/chromium/page-button.test.ts: turned on in the
 * options page it shows in the chosen corner, above the page's own "Page
 * top" link; by keyboard only it opens its panel, makes the text larger,
 * closes with Esc and gives focus back; it moves to the next corner; it is
 * not in the page printed to PDF; it steps aside from a field being typed in;
 * with a 32 px default font it follows it and the open panel fits the window; turned off, the page's DOM is byte-identical to before.
 * (axe-core runs on the panel in Chromium only: it needs a copy of the
 * closed shadow tree, which only Chromium's content world lets a test make.)
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer, useFirefoxFreshPages } from '../../support/extension-with-server';
import { type FirefoxExtensionSession, openExtensionPage, openPage, storePreferences } from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import {
  editableScenario,
  expectInCorner,
  hostState,
  keyboardScenario,
  moveByKeyboard,
  openPanel,
  outerHtml,
  pageLayout,
  waitForHost,
} from '../../support/page-button-scenarios';
import { evaluateIn, tabTo } from '../../support/page-checks';

/** The text drawing operators of a PDF (Firefox writes text as literal strings in Flate streams). */
async function pdfText(pdf: Uint8Array): Promise<string> {
  const raw = Buffer.from(pdf).toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    try {
      parts.push(inflateSync(Buffer.from(raw.slice(start, raw.indexOf('endstream', start)), 'latin1')).toString('latin1'));
    } catch {
      // Not a Flate stream (an image, a font): no text operators in it.
    }
  }
  return parts.join('\n');
}

let server: FixtureServer;
let session: FirefoxExtensionSession;
const openFixture = useFirefoxFreshPages((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(() => {
  expect(server).toBeDefined();
});

async function openOptions(): Promise<Page> {
  const options = await openExtensionPage(session, 'src/options/index.html');
  await options.waitForSelector('#field-page-button');
  return options;
}

const setChecked = (options: Page, on: boolean) =>
  evaluateIn(
    options,
    (wanted) => {
      const box = document.getElementById('field-page-button') as HTMLInputElement;
      if (box.checked !== wanted) box.click();
    },
    on,
  );

const storeGlobal = (preferences: Record<string, unknown>) => storePreferences(session, { preferences: { version: 1, ...preferences } });

describe('on-page button (Firefox)', () => {
  it('is turned on in the options page and shows in the chosen corner', async () => {
    const page = await openFixture('corner-controls.html');
    expect(await hostState(page)).toBeNull();
    const options = await openOptions();
    await options.select('#field-page-button-corner', 'top-left');
    await setChecked(options, true);
    await expectInCorner(page, 'top-left');
    await options.select('#field-page-button-corner', 'bottom-right');
    await expectInCorner(page, 'bottom-right');
    await options.close();
  });

  it('is turned on from the first-run page by keyboard', async () => {
    const welcome = await openExtensionPage(session, 'src/welcome/index.html');
    await welcome.waitForSelector('body[data-ready="true"]');
    await tabTo(welcome, '#page-button');
    await welcome.keyboard.press(' ');
    await expect
      .poll(() => evaluateIn(welcome, () => document.getElementById('status')?.textContent, undefined))
      .toBe(messages('en').welcomeButtonOn.message);
    await welcome.close();
    const page = await openFixture('corner-controls.html');
    await expectInCorner(page, 'bottom-right');
  });

  it('works by keyboard only: Tab, Enter, Larger, Esc with focus back on the button', async () => {
    await storeGlobal({ pageButton: true });
    const page = await openFixture('corner-controls.html');
    await expectInCorner(page, 'bottom-right');
    await keyboardScenario(page);
  });

  it('moves to the next corner from its panel', async () => {
    await storeGlobal({ pageButton: true, pageButtonCorner: 'top-left' });
    const page = await openFixture('corner-controls.html');
    await expectInCorner(page, 'top-left');
    await moveByKeyboard(page);
    await expectInCorner(page, 'top-right');
  });

  it('steps aside from the text field the user is typing in', async () => {
    await storeGlobal({ pageButton: true, pageButtonCorner: 'bottom-left' });
    const page = await openFixture('corner-controls.html');
    await editableScenario(page);
  });

  it('is not printed', async () => {
    // Puppeteer cannot emulate print media over WebDriver BiDi; Firefox's own print to PDF shows what paper would.
    await storeGlobal({ pageButton: true });
    const page = await openFixture('corner-controls.html');
    expect((await waitForHost(page)).display).toBe('block');
    const printed = await pdfText(await page.pdf());
    expect(printed).toContain('(Opening hours)');
    expect(printed).not.toContain('EasyRead');
    expect((await hostState(page))?.display).toBe('block');
  });

  it('moves nothing on the page, and is removed exactly when turned off: the page DOM is byte-identical', async () => {
    const page = await openFixture('corner-controls.html');
    const before = await outerHtml(page);
    const layout = await pageLayout(page);
    const options = await openOptions();
    await setChecked(options, true);
    await waitForHost(page);
    // Fixed, over the page: nothing of the page moved.
    expect(await pageLayout(page)).toEqual(layout);
    await setChecked(options, false);
    await expect.poll(() => hostState(page)).toBeNull();
    expect(await outerHtml(page)).toBe(before);
    await options.close();
  });
});

describe('on-page button with a 32 px default font (Firefox)', () => {
  let large: FirefoxExtensionSession;
  let largeServer: FixtureServer;
  useFirefoxExtensionWithServer(
    (readyServer, readySession) => {
      largeServer = readyServer;
      large = readySession;
    },
    { prefs: { 'font.size.variable.x-western': 32 } },
  );

  it('follows it, and the open panel stays in the window', async () => {
    await storePreferences(large, { preferences: { version: 1, pageButton: true } });
    const page = await openPage(large, largeServer.url('corner-controls.html'));
    const open = await openPanel(page);
    expect(open.fontSize).toBe(32);
    expect(open.top).toBeGreaterThanOrEqual(0);
    expect(open.left).toBeGreaterThanOrEqual(0);
    expect(open.bottom).toBeLessThanOrEqual(open.viewport.height);
    expect(open.right).toBeLessThanOrEqual(open.viewport.width);
    await page.close();
  });
});
