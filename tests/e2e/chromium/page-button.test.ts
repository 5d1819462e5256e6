/**
 * The optional on-page button (issue 11) in Debian's Chromium with the built
 * extension: turned on in the options page it shows in the chosen corner of
 * a fixture page, above the page's own "Page top" link; by keyboard only it
 * opens its panel, makes the text larger, closes with Esc and gives focus
 * back; it moves to the next corner; print media hides it; turned off, the
 * page's DOM is byte-identical to before. axe-core checks the panel in
 * English and Japanese, light and dark (on a copy in an open shadow root:
 * axe cannot enter the closed one, and the copy carries every attribute and
 * inline style of the original).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clearPreferences, type ExtensionSession, launchWithExtension, setGlobalPreferences } from '../../support/chromium';
import { contentWorld } from '../../support/content-world';
import { useFreshTabPerTest, useJapaneseChromiumWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { startFixtureServer } from '../../support/fixture-server';
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
import { tabTo } from '../../support/page-checks';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function openOptions(target = session): Promise<Page> {
  const options = await target.context.newPage();
  await options.goto(`chrome-extension://${target.extensionId}/src/options/index.html`);
  await options.waitForSelector('#field-page-button');
  return options;
}

async function openFixture(): Promise<void> {
  await page.goto(server.url('corner-controls.html'));
  await page.waitForLoadState('load');
}

describe('on-page button', () => {
  it('is turned on in the options page and shows in the chosen corner', async () => {
    await openFixture();
    expect(await hostState(page)).toBeNull();
    const options = await openOptions();
    await options.selectOption('#field-page-button-corner', 'top-left');
    await options.check('#field-page-button');
    await expectInCorner(page, 'top-left');
    await options.selectOption('#field-page-button-corner', 'bottom-right');
    await expectInCorner(page, 'bottom-right');
    await options.close();
  });

  it('is turned on from the first-run page by keyboard', async () => {
    const welcome = await session.context.newPage();
    await welcome.goto(`chrome-extension://${session.extensionId}/src/welcome/index.html`);
    await welcome.waitForSelector('body[data-ready="true"]');
    await tabTo(welcome, '#page-button');
    await welcome.keyboard.press('Space');
    await expect.poll(() => welcome.textContent('#status')).toBe(messages('en').welcomeButtonOn.message);
    await welcome.close();
    await openFixture();
    await expectInCorner(page, 'bottom-right');
  });

  it('works by keyboard only: Tab, Enter, Larger, Esc with focus back on the button', async () => {
    await setGlobalPreferences(session, { pageButton: true });
    await openFixture();
    await expectInCorner(page, 'bottom-right');
    await keyboardScenario(page);
    // Inside the closed root (our content world): the button itself has the focus.
    const world = await contentWorld(page, session.extensionId);
    const focused = await world.evaluate<string>(`(() => {
      const host = [...document.documentElement.children].find((el) => /^x[a-z0-9]{1,7}-p$/.test(el.localName));
      const active = chrome.dom.openOrClosedShadowRoot(host).activeElement;
      return active.tagName + ' ' + active.getAttribute('aria-expanded');
    })()`);
    expect(focused).toBe('BUTTON false');
    await world.detach();
  });

  it('moves to the next corner from its panel', async () => {
    await setGlobalPreferences(session, { pageButton: true, pageButtonCorner: 'top-left' });
    await openFixture();
    await expectInCorner(page, 'top-left');
    await moveByKeyboard(page);
    await expectInCorner(page, 'top-right');
    await expect
      .poll(
        async () =>
          ((await session.worker.evaluate(() => chrome.storage.sync.get('preferences'))) as { preferences: { pageButtonCorner: string } })
            .preferences.pageButtonCorner,
      )
      .toBe('top-right');
  });

  it('steps aside from the text field the user is typing in', async () => {
    await setGlobalPreferences(session, { pageButton: true, pageButtonCorner: 'bottom-left' });
    await openFixture();
    await editableScenario(page);
  });

  it('is not printed', async () => {
    await setGlobalPreferences(session, { pageButton: true });
    await openFixture();
    expect((await waitForHost(page)).display).toBe('block');
    await page.emulateMedia({ media: 'print' });
    await expect.poll(async () => (await hostState(page))?.display).toBe('none');
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(async () => (await hostState(page))?.display).toBe('block');
  });

  it('moves nothing on the page, and is removed exactly when turned off: the page DOM is byte-identical', async () => {
    await openFixture();
    const before = await outerHtml(page);
    const layout = await pageLayout(page);
    const options = await openOptions();
    await options.check('#field-page-button');
    await waitForHost(page);
    // Fixed, over the page: nothing of the page moved.
    expect(await pageLayout(page)).toEqual(layout);
    await page.bringToFront();
    await options.uncheck('#field-page-button');
    await expect.poll(() => hostState(page)).toBeNull();
    expect(await outerHtml(page)).toBe(before);
    await options.close();
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations, panel open (%s)', async (colorScheme) => {
    await page.emulateMedia({ colorScheme });
    await setGlobalPreferences(session, { pageButton: true });
    await openFixture();
    expect(await panelViolations(page, inPanelRootOf(page, session))).toEqual([]);
    expect(await panelColours(inPanelRootOf(page, session))).toEqual(expectedPanelColours(colorScheme));
  });
});

/** Runs a function on our closed root in our content world (the DevTools protocol's isolated world of the extension). */
function inPanelRootOf(target: Page, extension: ExtensionSession): InPanelRoot {
  return async (fn, arg) => {
    const world = await contentWorld(target, extension.extensionId);
    try {
      return await world.evaluate(`(${fn})(chrome.dom.openOrClosedShadowRoot(${OUR_HOST}), ${JSON.stringify(arg)})`);
    } finally {
      await world.detach();
    }
  };
}

describe('on-page button at 200% zoom and with a 32 px default font', () => {
  it('keeps the open panel in the window at 200% zoom, no sideways scrolling, every target at least 24 px', async () => {
    await setGlobalPreferences(session, { pageButton: true });
    await openFixture();
    await waitForHost(page);
    const url = page.url();
    await session.driver.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
      await chrome.tabs.setZoomSettings(tab.id, { scope: 'per-tab' });
      await chrome.tabs.setZoom(tab.id, 2);
    }, url);
    await page.waitForFunction(() => Math.abs(window.devicePixelRatio - 2) < 0.01);
    const metrics = await panelMetrics(page, inPanelRootOf(page, session));
    expect(metrics).toMatchObject({ inWindow: true, scrollsSideways: false });
    expect(metrics.smallestTarget).toBeGreaterThanOrEqual(24);
  });

  it('follows a 32 px default font: the panel text is 32 px, and still fits the window', async () => {
    const large = await launchWithExtension({ defaultFontSize: 32 });
    const largeServer = await startFixtureServer();
    try {
      await large.worker.evaluate(() => chrome.storage.sync.set({ preferences: { version: 1, pageButton: true } }));
      const site = await large.context.newPage();
      await site.goto(largeServer.url('corner-controls.html'));
      await waitForHost(site);
      const metrics = await panelMetrics(site, inPanelRootOf(site, large));
      expect(metrics).toMatchObject({ inWindow: true, scrollsSideways: false });
      expect(metrics.smallestText).toBeGreaterThanOrEqual(32);
      expect(metrics.smallestTarget).toBeGreaterThanOrEqual(24);
    } finally {
      await large.close();
      await largeServer.close();
    }
  });
});

describe('on-page button in Japanese', () => {
  let japanese: ExtensionSession;
  let japaneseServer: FixtureServer;
  useJapaneseChromiumWithServer((readyServer, readySession) => {
    japaneseServer = readyServer;
    japanese = readySession;
  });

  it('speaks Japanese and has no axe-core violations, light or dark', async () => {
    await clearPreferences(japanese);
    await japanese.worker.evaluate(() => chrome.storage.sync.set({ preferences: { version: 1, pageButton: true } }));
    const site = await japanese.context.newPage();
    await site.goto(japaneseServer.url('corner-controls.html'));
    await waitForHost(site);
    const label = await panelRegionLabel(inPanelRootOf(site, japanese));
    expect(label).toBe(messages('ja').pageButtonRegion.message);
    for (const colorScheme of ['light', 'dark'] as const) {
      await site.emulateMedia({ colorScheme });
      expect(await panelViolations(site, inPanelRootOf(site, japanese)), colorScheme).toEqual([]);
      expect(await panelColours(inPanelRootOf(site, japanese))).toEqual(expectedPanelColours(colorScheme));
      await site.keyboard.press('Escape');
    }
  });
});
