/**
 * Bench section 6: the share of text elements that really reach ×1.5, with EasyRead (loaded at 150%, or switched
 * live from 100%) and with the browser's own means (a root font size of 150%, the default font size setting).
 */
import type { BrowserContext } from 'playwright-core';
import type { ExtensionSession } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import type { BenchBrowsers } from './harness/browsers.ts';
import { setGlobalScale, setScaleForNewPages } from './harness/extension-storage.ts';
import { formatPercent, met, table } from './harness/format.ts';
import { openPage, settlePage } from './harness/pages.ts';
import { log } from './harness/runs.ts';
import { probeSizes, setRootFontSize, textElementSizes } from './in-page.ts';
import { type ShareResult, shareScaled } from './scaled-share.ts';
import { PROBE } from './size-change.ts';

const FACTOR = 1.5;
const TARGET_SHARE = 1;
const PAGES = { large: '/large.html', meti: '/meti-release.html' } as const;

type ShareKind = 'loaded' | 'live' | 'rootFontSize' | 'browserFontSetting';
type Page = keyof typeof PAGES;

/** Loaded at the stored 100%, then switched to 150% (the same path as section 2, checked for correctness). */
async function liveShare(session: ExtensionSession, server: FixtureServer, path: string): Promise<ShareResult> {
  const page = await openPage(session.context, server, path);
  await settlePage(page);
  const base = await page.evaluate(textElementSizes);
  const probe = await page.evaluate(probeSizes);
  await setGlobalScale(session, 150);
  await page.waitForFunction(
    ({ selector, want }) => {
      const element = document.querySelector(selector);
      return element !== null && Math.abs(Number.parseFloat(getComputedStyle(element).fontSize) - want) <= 0.1;
    },
    { selector: PROBE, want: probe.heading * FACTOR },
    { timeout: 15_000 },
  );
  await settlePage(page);
  const scaled = await page.evaluate(textElementSizes);
  await page.close();
  await setScaleForNewPages(session, 100);
  return shareScaled(base, scaled, FACTOR);
}

/** The browser without the extension: its own sizes, then a root font size of 150%, then its default font size setting. */
async function browserShares(plain: BrowserContext, server: FixtureServer, path: string) {
  const page = await openPage(plain, server, path);
  await settlePage(page);
  const base = await page.evaluate(textElementSizes);
  await page.evaluate(setRootFontSize, '150%');
  await settlePage(page);
  const rootScaled = await page.evaluate(textElementSizes);
  await page.evaluate(setRootFontSize, '');
  // The browser's own "Font size" setting (chrome://settings/fonts): default 16 px → 24 px (monospace 13 → 20).
  const cdp = await plain.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await settlePage(page);
  const settingScaled = await page.evaluate(textElementSizes);
  await cdp.detach();
  await page.close();
  return { base, rootScaled, settingScaled };
}

async function loadedShares(
  { session, plain, server }: BenchBrowsers,
  path: string,
): Promise<Omit<Record<ShareKind, ShareResult>, 'live'>> {
  const { base, rootScaled, settingScaled } = await browserShares(plain, server, path);
  const oursPage = await openPage(session.context, server, path);
  await settlePage(oursPage);
  const ours = await oursPage.evaluate(textElementSizes);
  await oursPage.close();
  return {
    loaded: shareScaled(base, ours, FACTOR),
    rootFontSize: shareScaled(base, rootScaled, FACTOR),
    browserFontSetting: shareScaled(base, settingScaled, FACTOR),
  };
}

export type LiveShares = Record<Page, ShareResult>;

/** Expects the stored size at 100%, and leaves it there. */
export async function measureLiveShares(session: ExtensionSession, server: FixtureServer): Promise<LiveShares> {
  log('6/11 share of text elements scaled (live change)');
  return { large: await liveShare(session, server, PAGES.large), meti: await liveShare(session, server, PAGES.meti) };
}

export type LoadedShares = Record<Page, Omit<Record<ShareKind, ShareResult>, 'live'>>;

/** Expects the stored size at 150% for new pages. */
export async function measureLoadedShares(browsers: BenchBrowsers): Promise<LoadedShares> {
  log('6/11 share of text elements scaled (loaded at 150%)');
  return { large: await loadedShares(browsers, PAGES.large), meti: await loadedShares(browsers, PAGES.meti) };
}

/** Both pages, each with its four ways of reaching ×1.5. */
export function shareResult(live: LiveShares, loaded: LoadedShares): Record<Page, Record<ShareKind, ShareResult>> {
  const entry = (page: Page) => {
    const { loaded: ours, rootFontSize, browserFontSetting } = loaded[page];
    return { loaded: ours, live: live[page], rootFontSize, browserFontSetting };
  };
  return { large: entry('large'), meti: entry('meti') };
}

export function shareReport(share: Record<Page, Record<ShareKind, ShareResult>>): string[] {
  const cell = (result: ShareResult) => `${formatPercent(result.share)} (${result.scaled}/${result.textElements})`;
  const rows = (Object.keys(PAGES) as Page[]).map((page) => {
    const entry = share[page];
    const reached = entry.loaded.share >= TARGET_SHARE && entry.live.share >= TARGET_SHARE;
    return [PAGES[page], cell(entry.loaded), cell(entry.live), cell(entry.rootFontSize), cell(entry.browserFontSetting), met(reached)];
  });
  const misses = Object.entries(share).flatMap(([name, entry]) =>
    (['loaded', 'live'] as const)
      .filter((kind) => entry[kind].misses.length > 0)
      .map((kind) => `  ${name} ${kind} misses: ${entry[kind].misses.join('; ')}`),
  );
  return [
    '',
    '6. Share of text elements at ×1.5 (±0.1 px of the original computed size × 1.5)',
    '  text elements: elements in <body> with a direct non-whitespace text child, except script/style/noscript/template.',
    '  loaded = page loaded with EasyRead at 150%; live = page loaded at 100%, then switched to 150%;',
    '  root 150% = no extension, html.style.fontSize = "150%" (a root-size change alone); browser setting = no extension,',
    "  the browser's own default font size 16 → 24 px (Settings › Fonts; CDP Page.setFontSizes, monospace 13 → 20).",
    table(['page', 'EasyRead loaded', 'EasyRead live', 'root 150%', 'browser setting', 'target 100%'], rows),
    ...misses,
  ];
}
