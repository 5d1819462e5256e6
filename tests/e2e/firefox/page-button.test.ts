/**
 * The optional on-page button (issue 11) in Firefox ESR with the built
 * add-on, as in tests/e2e/chromium/page-button.test.ts: turned on in the
 * options page it shows in the chosen corner, above the page's own "Page
 * top" link; by keyboard only it opens its panel, makes the text larger,
 * closes with Esc and gives focus back; it moves to the next corner; it is
 * not in the page printed to PDF; it steps aside from a field being typed in;
 * with a 32 px default font it follows it and the open panel fits the window,
 * and so it does at 200% zoom; turned off, the page's DOM is byte-identical
 * to before. axe-core checks the panel in English and Japanese, light and
 * dark, on a copy in an open shadow root (page-button-panel.ts), made in our
 * content scripts' world with scripting.executeScript from the driver page.
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer, useFirefoxFreshPages } from '../../support/extension-with-server';
import {
  FIREFOX_JAPANESE,
  type FirefoxExtensionSession,
  openExtensionPage,
  openPage,
  setColorScheme,
  storePreferences,
  tabIdOf,
} from '../../support/firefox';
import type { FixtureServer } from '../../support/fixture-server';
import { messages } from '../../support/locales';
import {
  expectedPanelColours,
  type InPanelRoot,
  OUR_HOST,
  panelColours,
  panelMetrics,
  panelRegionLabel,
  panelViolations,
} from '../../support/page-button-panel';
import {
  editableScenario,
  expectInCorner,
  hostState,
  keyboardScenario,
  moveByKeyboard,
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

/**
 * Runs a function on our closed root in our content scripts' world, with
 * scripting.executeScript from the driver page (an extension page); Firefox
 * gives that world element.openOrClosedShadowRoot.
 */
function inPanelRootOf(target: FirefoxExtensionSession, page: Page): InPanelRoot {
  return async <A, R>(fn: (root: ShadowRoot, arg: A) => R, arg: A) => {
    const tabId = await tabIdOf(target, page);
    return (await target.driver.evaluate(`(async () => {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId: ${tabId}, frameIds: [0] },
        args: [${JSON.stringify(arg) ?? 'null'}],
        func: (arg) => (${fn})(${OUR_HOST}.openOrClosedShadowRoot, arg),
      });
      return frame.result;
    })()`)) as R;
  };
}

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

  it('has no axe-core violations, panel open, light and dark', async () => {
    await storeGlobal({ pageButton: true });
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await setColorScheme(session, scheme);
        const page = await openFixture('corner-controls.html');
        await waitForHost(page);
        expect(await panelViolations(page, inPanelRootOf(session, page)), scheme).toEqual([]);
        expect(await panelColours(inPanelRootOf(session, page))).toEqual(expectedPanelColours(scheme));
        await page.close(); // the next one is on the same URL: one tab for it
      }
    } finally {
      await setColorScheme(session, 'light');
    }
  });

  it('keeps the open panel in the window at 200% zoom, no sideways scrolling, every target at least 24 px', async () => {
    await storeGlobal({ pageButton: true });
    const page = await openFixture('corner-controls.html');
    await waitForHost(page);
    const tabId = await tabIdOf(session, page);
    // Firefox keeps a zoom level per site (here the fixture server): set back to 100% after.
    const zoom = (factor: number) => session.driver.evaluate((tabId, factor) => browser.tabs.setZoom(tabId, factor), tabId, factor);
    await zoom(2);
    try {
      await page.waitForFunction(() => Math.abs(window.devicePixelRatio - 2) < 0.01, { polling: 50 });
      const metrics = await panelMetrics(page, inPanelRootOf(session, page));
      expect(metrics).toMatchObject({ inWindow: true, scrollsSideways: false });
      expect(metrics.smallestTarget).toBeGreaterThanOrEqual(24);
    } finally {
      await zoom(1);
    }
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

  it('follows it: the panel text is 32 px, and the open panel stays in the window', async () => {
    await storePreferences(large, { preferences: { version: 1, pageButton: true } });
    const page = await openPage(large, largeServer.url('corner-controls.html'));
    expect((await waitForHost(page)).fontSize).toBe(32);
    const metrics = await panelMetrics(page, inPanelRootOf(large, page));
    expect(metrics).toMatchObject({ inWindow: true, scrollsSideways: false });
    expect(metrics.smallestText).toBeGreaterThanOrEqual(32);
    expect(metrics.smallestTarget).toBeGreaterThanOrEqual(24);
    const open = (await hostState(page)) as NonNullable<Awaited<ReturnType<typeof hostState>>>;
    expect(open.top).toBeGreaterThanOrEqual(0);
    expect(open.bottom).toBeLessThanOrEqual(open.viewport.height);
    await page.close();
  });
});

describe('on-page button in Japanese (Firefox)', () => {
  let japanese: FirefoxExtensionSession;
  let japaneseServer: FixtureServer;
  useFirefoxExtensionWithServer((readyServer, readySession) => {
    japaneseServer = readyServer;
    japanese = readySession;
  }, FIREFOX_JAPANESE);

  it('speaks Japanese and has no axe-core violations, light or dark', async () => {
    await storePreferences(japanese, { preferences: { version: 1, pageButton: true } });
    for (const scheme of ['light', 'dark'] as const) {
      await setColorScheme(japanese, scheme);
      const page = await openPage(japanese, japaneseServer.url('corner-controls.html'));
      await waitForHost(page);
      expect(await panelRegionLabel(inPanelRootOf(japanese, page))).toBe(messages('ja').pageButtonRegion.message);
      expect(await panelViolations(page, inPanelRootOf(japanese, page)), scheme).toEqual([]);
      expect(await panelColours(inPanelRootOf(japanese, page))).toEqual(expectedPanelColours(scheme));
      await page.close();
    }
  });
});
