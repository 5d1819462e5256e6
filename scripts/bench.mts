/**
 * `npm run bench`: performance figures for the always-on part of EasyRead, each
 * next to the browser's own equivalent measured in the same run, in headless
 * Debian Chromium. Reports only: no timing assertion can fail (shared, noisy
 * machine); targets are printed with "met" / "NOT met".
 *
 * Two browsers run side by side: the harness's Chromium with the extension
 * (test copy granting http://127.0.0.1/*) and the same Chromium, same flags,
 * persistent profile and viewport, with no extension at all.
 * Results: stdout and artifacts/bench.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import {
  CHROME_DIST,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  type ExtensionSession,
  launchWithExtension,
  tabIdOf,
  waitForReaderFrame,
} from '../tests/support/chromium.ts';
import { type FixtureServer, startFixtureServer } from '../tests/support/fixture-server.ts';
import type { ShingleScores } from '../tests/support/shingles.ts';
import { type FuriganaBenchResult, furiganaBench, furiganaReport } from './bench/furigana.ts';
import { HUGE_PAGE, type HugePageSample, hugePageRuns } from './bench/huge-page.ts';
import {
  armChangeDetectors,
  armComputedChangeDetectors,
  awaitChangeDetectors,
  clearAppendTarget,
  firstFrameRecorder,
  loadTimings,
  nextFrameRendered,
  probeSizes,
  readFirstFrame,
  readScale,
  rootFontSizeAndForceLayout,
  setRootFontSize,
  settle,
  textElementSizes,
  timeAppend,
  zoomAndForceLayout,
} from './bench/in-page.ts';
import {
  bareReaderBundle,
  expectedText,
  extractionQuality,
  QUALITY_FIXTURES,
  type QualityRow,
  readerCodeBundle,
  shownScores,
} from './bench/reader.ts';
import {
  armFrameInsertion,
  articleFontSize,
  type ReaderFrameRecord,
  readerFrameRecorder,
  readerShown,
  readFrameInsertion,
  readReaderFrameRecord,
  sendReaderCommand,
  timeBareReader,
  timeReaderSteps,
} from './bench/reader-in-page.ts';
import { formatBytes, formatMs, formatPercent, ratioOf, round, type Summary, summarize, table } from './bench/stats.ts';

const WARMUP = 2;
const MEASURED = 7;
const PROBE = '[data-probe="heading"]';
/** Section 9: a 1rem paragraph, so the root font change (the baseline) changes it too. */
const ADJUST_PROBE = '[data-probe="body-paragraph"]';
const ROOT_FONT_CHANGE = '150%';
const SIZE_TOLERANCE_PX = 0.1;
const APPEND_GROUPS = 200; // × 5 elements = 1,000
/** Reading mode with the text size at 150%: runs checking the size of the reader's first frame (not timed). */
const LOOK_CHECK_RUNS = 3;
const ROOT = resolve(import.meta.dirname, '..');
const CONTENT_SCRIPT = join(CHROME_DIST, 'src/content/main.iife.js');

const TARGETS = {
  gzipBytes: 10 * 1024,
  sizeChange: 1.5,
  append: 1.5,
  pageLoad: 1.2,
  share: 1,
  reader: 1.3,
  readerMetiMs: 100,
};

/** tsx (esbuild keepNames) wraps inner functions in __name(); serialised into a page they need this no-op. */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

type Side = 'ours' | 'browser';

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Which source was built: commit plus whether the working tree had changes (bench figures depend on it). */
function sourceRevision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function nowEpoch(): number {
  return performance.timeOrigin + performance.now();
}

/** 2 warm-up + 7 measured iterations; the two sides alternate which goes first. */
async function interleaved<R>(label: string, run: (side: Side) => Promise<R>): Promise<Record<Side, R[]>> {
  const results: Record<Side, R[]> = { ours: [], browser: [] };
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    log(`${label}: ${i < WARMUP ? `warm-up ${i + 1}/${WARMUP}` : `run ${i - WARMUP + 1}/${MEASURED}`}`);
    const order: Side[] = i % 2 === 0 ? ['ours', 'browser'] : ['browser', 'ours'];
    for (const side of order) {
      const result = await run(side);
      if (i >= WARMUP) results[side].push(result);
    }
  }
  return results;
}

function met(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

// ---------------------------------------------------------------- browsers and storage

async function setGlobalScale(session: ExtensionSession, textScale: number): Promise<void> {
  await session.worker.evaluate((value) => chrome.storage.sync.set({ preferences: { version: 1, textScale: value } }), textScale);
}

/** The background re-registers the automatic scripts (with the boot file for the step) ~100 ms after a write. */
async function waitForRegistration(session: ExtensionSession, textScale: number): Promise<void> {
  const boot = textScale === 100 ? undefined : `boot/textScale-${textScale}.js`;
  await sleep(300);
  for (let i = 0; i < 200; i++) {
    const files = await session.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.js ?? []),
    );
    const ok = files.length > 0 && (boot ? files.includes(boot) : !files.some((file) => file.startsWith('boot/')));
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`automatic scripts never registered for ${textScale}%`);
}

async function setScaleForNewPages(session: ExtensionSession, textScale: number): Promise<void> {
  await setGlobalScale(session, textScale);
  await waitForRegistration(session, textScale);
}

async function openPage(context: BrowserContext, server: FixtureServer, path: string, initScript?: string): Promise<Page> {
  const page = await context.newPage();
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(server.url(path), { waitUntil: 'load' });
  return page;
}

async function settlePage(page: Page): Promise<void> {
  await sleep(200);
  await page.evaluate(settle);
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

// ---------------------------------------------------------------- 1. script size

/** Scripts that run in a page only while their feature is used: not part of the always-on budget, reported beside it. */
const ON_DEMAND_SCRIPTS = [
  'src/page-tools/adjustments/adjustments.iife.js',
  'src/page-tools/unclip/unclip.iife.js',
  'src/page-tools/line-focus/line-focus.iife.js',
  'src/page-tools/read-aloud/read-aloud.iife.js',
  'src/page-tools/page-button/page-button.iife.js',
  'src/reader/overlay/reader-overlay.iife.js',
];

async function gzipSize(path: string) {
  const code = await readFile(path);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length };
}

async function measureScriptSize() {
  const onDemand = await Promise.all(
    ON_DEMAND_SCRIPTS.map(async (file) => ({ file: `dist/chrome/${file}`, ...(await gzipSize(join(CHROME_DIST, file))) })),
  );
  return { file: 'dist/chrome/src/content/main.iife.js', ...(await gzipSize(CONTENT_SCRIPT)), onDemand };
}

// ---------------------------------------------------------------- 2. size change on /large.html

interface ChangeSample {
  /** Main-thread busy time (CDP Performance.getMetrics TaskDuration delta), trigger → change painted. */
  mainThreadMs: number;
  styleMs: number;
  layoutMs: number;
  /** The rest of the main-thread time: scripts (ours run in an isolated world and land here), paint, commit, tasks. */
  otherMs: number;
  /** Page-side forced cost: ours = our <style> text written → forced layout; browser = zoom set + forced layout. */
  forcedMs: number;
  /** Wall time from the trigger (storage write in the service worker / zoom set from Node) to the change painted. */
  paintedMs: number;
}

async function measureChange(
  page: Page,
  cdp: CDPSession,
  side: Side,
  factor: number,
  trigger: () => Promise<unknown>,
): Promise<ChangeSample> {
  await page.evaluate(armChangeDetectors, { selector: PROBE, factor, observeStyle: side === 'ours' });
  const before = await metrics(cdp);
  const start = nowEpoch();
  await trigger();
  const done = await page.evaluate(awaitChangeDetectors);
  if (!done || done.forcedMs === null) throw new Error(`${side}: size change (×${factor}) was never applied/observed`);
  await page.evaluate(nextFrameRendered);
  const after = await metrics(cdp);
  const delta = (name: string) => (after[name] - before[name]) * 1000;
  return {
    mainThreadMs: delta('TaskDuration'),
    styleMs: delta('RecalcStyleDuration'),
    layoutMs: delta('LayoutDuration'),
    otherMs: delta('TaskDuration') - delta('RecalcStyleDuration') - delta('LayoutDuration'),
    forcedMs: done.forcedMs,
    paintedMs: done.paintedAt - start,
  };
}

async function sizeChangeRun(
  session: ExtensionSession,
  server: FixtureServer,
  side: Side,
): Promise<{ first: ChangeSample; step: ChangeSample }> {
  // Both sides run in the extension's browser with the stored size at 100%: the content script is injected but idle.
  const page = await openPage(session.context, server, '/large.html');
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await settlePage(page);
  if ((await page.evaluate(readScale)).pinned !== 0) throw new Error('page was already scaled at load: expected 100%');
  const first = await measureChange(page, cdp, side, 1.5, () =>
    side === 'ours' ? setGlobalScale(session, 150) : page.evaluate(zoomAndForceLayout, '1.5'),
  );
  await settlePage(page);
  const step = await measureChange(page, cdp, side, 175 / 150, () =>
    side === 'ours' ? setGlobalScale(session, 175) : page.evaluate(zoomAndForceLayout, '1.75'),
  );
  await cdp.detach();
  await page.close();
  if (side === 'ours') await setScaleForNewPages(session, 100);
  return { first, step };
}

// ---------------------------------------------------------------- 3 + 4. page load and appended content

interface LoadSample {
  /** Renderer main-thread busy time from the navigation request to the load event (CDP TaskDuration delta). */
  mainThreadMs: number;
  loadEventEnd: number;
  fcp: number | null;
  domContentLoaded: number;
  appendFirst: Awaited<ReturnType<typeof timeAppend>>;
  appendRepeat: Awaited<ReturnType<typeof timeAppend>>;
}

async function loadAndAppendRun(context: BrowserContext, server: FixtureServer, side: Side): Promise<LoadSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await metrics(cdp);
  await page.goto(server.url('/large.html'), { waitUntil: 'load' });
  const after = await metrics(cdp);
  await cdp.detach();
  const timings = await page.evaluate(loadTimings);
  if (side === 'ours' && (await page.evaluate(readScale)).pinned === 0) throw new Error('extension did not scale /large.html at load');
  await settlePage(page);
  const appendFirst = await page.evaluate(timeAppend, { groups: APPEND_GROUPS, round: 1 });
  await page.evaluate(clearAppendTarget);
  await settlePage(page);
  const appendRepeat = await page.evaluate(timeAppend, { groups: APPEND_GROUPS, round: 2 });
  await page.close();
  return { ...timings, mainThreadMs: (after.TaskDuration - before.TaskDuration) * 1000, appendFirst, appendRepeat };
}

// ---------------------------------------------------------------- 5. first frame on /meti-release.html

interface FirstFrameSample {
  firstFrameAt: number;
  appliedAt: number | null;
  fcp: number | null;
  scaledInFirstFrame: boolean;
}

function recorderScript(expected: Record<string, number>): string {
  return `${NAME_SHIM}\n(${firstFrameRecorder.toString()})(${JSON.stringify(expected)});`;
}

function matches(actual: Record<string, number>, expected: Record<string, number>): boolean {
  return Object.entries(expected).every(([probe, size]) => Math.abs((actual[probe] ?? Number.NaN) - size) <= SIZE_TOLERANCE_PX);
}

async function firstFrameRun(context: BrowserContext, server: FixtureServer, expected: Record<string, number>): Promise<FirstFrameSample> {
  const page = await openPage(context, server, '/meti-release.html', recorderScript(expected));
  const result = await page.evaluate(readFirstFrame);
  await page.close();
  if (!result.firstFrame || result.firstFrameAt === null) throw new Error('no first-frame probe on /meti-release.html');
  const firstSizes = Object.fromEntries(result.firstFrame.map(({ probe, fontSize }) => [probe, fontSize]));
  const scaledInFirstFrame = matches(firstSizes, expected);
  return {
    firstFrameAt: result.firstFrameAt,
    // If the page's own first-frame probe already saw the target sizes, that frame is when they were applied.
    appliedAt: scaledInFirstFrame ? result.firstFrameAt : result.appliedAt,
    fcp: result.fcp,
    scaledInFirstFrame,
  };
}

// ---------------------------------------------------------------- 6. share of text elements scaled

interface ShareResult {
  textElements: number;
  scaled: number;
  share: number;
  /** Up to 8 examples of elements that did not reach ×1.5: label, original px, actual px. */
  misses: string[];
}

function shareScaled(
  base: { labels: string[]; sizes: number[] },
  actual: { labels: string[]; sizes: number[] },
  factor: number,
): ShareResult {
  if (base.labels.length !== actual.labels.length || base.labels.some((label, i) => label !== actual.labels[i])) {
    throw new Error(`text elements differ between the two pages (${base.labels.length} vs ${actual.labels.length})`);
  }
  let scaled = 0;
  const misses: string[] = [];
  base.sizes.forEach((size, i) => {
    if (Math.abs(actual.sizes[i] - size * factor) <= SIZE_TOLERANCE_PX) scaled++;
    else if (misses.length < 8) misses.push(`${base.labels[i]} ${size}px → ${actual.sizes[i]}px (want ${round(size * factor, 2)})`);
  });
  return { textElements: base.sizes.length, scaled, share: scaled / base.sizes.length, misses };
}

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
    { selector: PROBE, want: probe.heading * 1.5 },
    { timeout: 15_000 },
  );
  await settlePage(page);
  const scaled = await page.evaluate(textElementSizes);
  await page.close();
  await setScaleForNewPages(session, 100);
  return shareScaled(base, scaled, 1.5);
}

async function loadedShares(session: ExtensionSession, plain: BrowserContext, server: FixtureServer, path: string) {
  const basePage = await openPage(plain, server, path);
  await settlePage(basePage);
  const base = await basePage.evaluate(textElementSizes);
  await basePage.evaluate(setRootFontSize, '150%');
  await settlePage(basePage);
  const rootScaled = await basePage.evaluate(textElementSizes);
  await basePage.evaluate(setRootFontSize, '');
  // The browser's own "Font size" setting (chrome://settings/fonts): default 16 px → 24 px (monospace 13 → 20).
  const cdp = await plain.newCDPSession(basePage);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24, fixed: 20 } });
  await settlePage(basePage);
  const settingScaled = await basePage.evaluate(textElementSizes);
  await cdp.detach();
  await basePage.close();
  const oursPage = await openPage(session.context, server, path);
  await settlePage(oursPage);
  const ours = await oursPage.evaluate(textElementSizes);
  await oursPage.close();
  return { ours: shareScaled(base, ours, 1.5), root: shareScaled(base, rootScaled, 1.5), setting: shareScaled(base, settingScaled, 1.5) };
}

// ---------------------------------------------------------------- 7. reading mode

const READER_RECORDER = `${NAME_SHIM}\n(${readerFrameRecorder.toString()})();`;

/** Times (ms) from the command message being sent in the driver page (epoch clocks of the three processes). */
interface ReaderSample {
  /** Background, overlay injection, the page's outerHTML handed to the background (storage.session), iframe appended. */
  frameInsertedMs: number;
  /** The reader document's navigation start. */
  readerStartMs: number;
  readerDomContentLoadedMs: number;
  /** #article visible (snapshot fetched from the background, parsed, extracted, sanitized, rendered). */
  visibleMs: number;
  /** First frame rendered after #article became visible: "reader painted". */
  paintedMs: number;
  /** First frame rendered after the user's look (#reader --scale etc.) was applied. */
  lookPaintedMs: number;
  /** The command's reply reached the driver page. */
  replyMs: number;
  /** The look was applied only after the first frame with the article had been rendered. */
  lookAfterFirstFrame: boolean;
  firstFontSize: number;
  finalFontSize: number;
}

async function readerRun(session: ExtensionSession, server: FixtureServer, path: string): Promise<ReaderSample> {
  const page = await session.context.newPage();
  await page.addInitScript({ content: READER_RECORDER });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await settlePage(page);
  await page.evaluate(armFrameInsertion);
  const tabId = await tabIdOf(session, page);
  const sent = await session.driver.evaluate(sendReaderCommand, tabId);
  const reply = sent.reply as { ok?: boolean; readerOpen?: boolean };
  if (!reply?.ok || reply.readerOpen !== true) throw new Error(`${path}: toggle-reading-mode replied ${JSON.stringify(sent.reply)}`);
  const frame = await waitForReaderFrame(page);
  const record: ReaderFrameRecord | null = await frame.evaluate(readReaderFrameRecord);
  if (!record) throw new Error(`${path}: the recorder did not run in the reader frame`);
  if (record.notice !== null) throw new Error(`${path}: the reader showed a notice: ${record.notice}`);
  const { visibleAt, visibleFrameAt, visiblePaintedAt, lookAt, lookPaintedAt, domContentLoadedAt, firstFontSize } = record;
  if (visibleAt === null || visibleFrameAt === null || visiblePaintedAt === null || lookAt === null || lookPaintedAt === null) {
    throw new Error(`${path}: reader never painted (${JSON.stringify(record)})`);
  }
  const frameInsertedAt = await page.evaluate(readFrameInsertion);
  if (frameInsertedAt === null) throw new Error(`${path}: reader iframe insertion not seen`);
  const finalFontSize = await frame.evaluate(articleFontSize);
  await page.close();
  const since = (at: number) => at - sent.sentAt;
  return {
    frameInsertedMs: since(frameInsertedAt),
    readerStartMs: since(record.timeOrigin),
    readerDomContentLoadedMs: domContentLoadedAt === null ? Number.NaN : since(domContentLoadedAt),
    visibleMs: since(visibleAt),
    paintedMs: since(visiblePaintedAt),
    lookPaintedMs: since(lookPaintedAt),
    replyMs: since(sent.repliedAt),
    lookAfterFirstFrame: lookAt > visibleFrameAt,
    firstFontSize: firstFontSize ?? Number.NaN,
    finalFontSize,
  };
}

/** EasyRead's reading-mode steps alone (same sources, bundled by the bench), in a fresh tab without the extension. */
async function readerStepsRun(plain: BrowserContext, server: FixtureServer, path: string, bundle: string) {
  const page = await openPage(plain, server, path);
  await page.addScriptTag({ content: bundle });
  await settlePage(page);
  const sample = await page.evaluate(timeReaderSteps);
  await page.close();
  if (sample.kind === null) throw new Error(`${path}: extractArticle found nothing`);
  return sample;
}

interface BareSample {
  parseMs: number;
  sanitizeMs: number;
  /** Parse + sanitize (the libraries' work alone). */
  computeMs: number;
  /** Parse + sanitize + shown + first frame rendered: the baseline for "reader painted". */
  paintedMs: number;
  textLength: number;
}

async function bareReaderRun(plain: BrowserContext, server: FixtureServer, path: string, bundle: string): Promise<BareSample> {
  const page = await openPage(plain, server, path);
  await page.addScriptTag({ content: bundle });
  await settlePage(page);
  const sample = await page.evaluate(timeBareReader);
  await page.close();
  if (sample.textLength === 0) throw new Error(`${path}: Readability found nothing`);
  return {
    parseMs: sample.parsedAt - sample.startAt,
    sanitizeMs: sample.sanitizedAt - sample.parsedAt,
    computeMs: sample.sanitizedAt - sample.startAt,
    paintedMs: sample.paintedAt - sample.startAt,
    textLength: sample.textLength,
  };
}

type ReaderPair = { ours: ReaderSample & { steps: Awaited<ReturnType<typeof readerStepsRun>> }; browser: BareSample };

async function readingModeOn(
  session: ExtensionSession,
  plain: BrowserContext,
  server: FixtureServer,
  path: string,
  bundles: { bare: string; reader: string },
): Promise<{ ours: ReaderPair['ours'][]; browser: BareSample[] }> {
  const samples = await interleaved(`7/11 reading mode on ${path}`, async (side) =>
    side === 'ours'
      ? { ...(await readerRun(session, server, path)), steps: await readerStepsRun(plain, server, path, bundles.reader) }
      : await bareReaderRun(plain, server, path, bundles.bare),
  );
  return { ours: samples.ours as ReaderPair['ours'][], browser: samples.browser as BareSample[] };
}

// ---------------------------------------------------------------- 8. extraction quality in the browser

async function readerShownScores(session: ExtensionSession, server: FixtureServer, page: string) {
  const tab = await session.context.newPage();
  await tab.goto(server.url(`/${page}.html`), { waitUntil: 'load' });
  const tabId = await tabIdOf(session, tab);
  const sent = await session.driver.evaluate(sendReaderCommand, tabId);
  if ((sent.reply as { readerOpen?: boolean })?.readerOpen !== true) throw new Error(`${page}: reader did not open`);
  const frame = await waitForReaderFrame(tab);
  await frame.waitForSelector('#article:not([hidden])');
  const shown = await frame.evaluate(readerShown);
  await tab.close();
  return shownScores(await expectedText(page), shown);
}

// ---------------------------------------------------------------- 9. page adjustments on /large.html

type AdjustmentKind = 'colours' | 'font';

const ADJUSTMENTS: Record<AdjustmentKind, { field: string; value: string; property: string }> = {
  colours: { field: 'pageColours', value: 'yellow-on-black', property: 'color' },
  font: { field: 'pageFont', value: 'system-serif', property: 'font-family' },
};

async function setGlobalPreferences(session: ExtensionSession, fields: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate((value) => chrome.storage.sync.set({ preferences: { version: 1, textScale: 100, ...value } }), fields);
}

/** Like measureChange (section 2), with "applied" = the probe's computed property changed. */
async function measureComputedChange(
  page: Page,
  cdp: CDPSession,
  side: Side,
  property: string,
  trigger: () => Promise<unknown>,
): Promise<ChangeSample> {
  await page.evaluate(armComputedChangeDetectors, { selector: ADJUST_PROBE, property, observeAdjust: side === 'ours' });
  const before = await metrics(cdp);
  const start = nowEpoch();
  await trigger();
  const done = await page.evaluate(awaitChangeDetectors);
  if (!done || done.forcedMs === null) throw new Error(`${side}: ${property} change was never applied/observed`);
  await page.evaluate(nextFrameRendered);
  const after = await metrics(cdp);
  const delta = (name: string) => (after[name] - before[name]) * 1000;
  return {
    mainThreadMs: delta('TaskDuration'),
    styleMs: delta('RecalcStyleDuration'),
    layoutMs: delta('LayoutDuration'),
    otherMs: delta('TaskDuration') - delta('RecalcStyleDuration') - delta('LayoutDuration'),
    forcedMs: done.forcedMs,
    paintedMs: done.paintedAt - start,
  };
}

async function adjustmentRun(session: ExtensionSession, server: FixtureServer, side: Side, kind: AdjustmentKind): Promise<ChangeSample> {
  // Both sides in the extension's browser with nothing stored but 100%: the content script is injected but idle.
  const { field, value, property } = ADJUSTMENTS[kind];
  const page = await openPage(session.context, server, '/large.html');
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await settlePage(page);
  const adjusted = await page.evaluate(
    () =>
      [...document.querySelectorAll('style')].filter((style) =>
        style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 'a'),
      ).length > 0,
  );
  if (adjusted) throw new Error('page was already adjusted at load: expected no adjustment');
  const sample = await measureComputedChange(page, cdp, side, side === 'ours' ? property : 'font-size', () =>
    side === 'ours' ? setGlobalPreferences(session, { [field]: value }) : page.evaluate(rootFontSizeAndForceLayout, ROOT_FONT_CHANGE),
  );
  await cdp.detach();
  await page.close();
  if (side === 'ours') await setScaleForNewPages(session, 100);
  return sample;
}

// ---------------------------------------------------------------- 10. reading ruler

/** Pointer moves, one per rendered frame, down the middle of the page. */
const RULER_MOVES = 60;

interface RulerSample {
  /** Main-thread busy time (CDP TaskDuration delta) over all the moves. */
  mainThreadMs: number;
}

/**
 * The same pointer moves over /large.html with the reading ruler on (ours)
 * and with nothing on (browser: what the page itself costs per move).
 */
async function rulerRun(session: ExtensionSession, server: FixtureServer, side: Side): Promise<RulerSample> {
  await setGlobalPreferences(session, side === 'ours' ? { pageLineFocus: true } : {});
  const page = await openPage(session.context, server, '/large.html');
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await settlePage(page);
  const ruler = await page
    .waitForFunction(() => [...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]+-l$/.test(element.localName)), undefined, {
      timeout: side === 'ours' ? 10_000 : 1,
    })
    .catch(() => null);
  if ((ruler !== null) !== (side === 'ours')) throw new Error(`${side}: the reading ruler is ${ruler ? 'on' : 'off'}`);
  await page.mouse.move(400, 80);
  await page.evaluate(nextFrameRendered);
  const before = await metrics(cdp);
  for (let i = 0; i < RULER_MOVES; i++) {
    await page.mouse.move(400, 80 + i * 11);
    await page.evaluate(nextFrameRendered);
  }
  const after = await metrics(cdp);
  await cdp.detach();
  await page.close();
  return { mainThreadMs: (after.TaskDuration - before.TaskDuration) * 1000 };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const startedAt = Date.now();
  const source = sourceRevision(); // read before the run: the working tree may change while it runs
  const scriptSize = await measureScriptSize();

  const server = await startFixtureServer();
  log('launching Chromium with the extension and Chromium without it');
  const session = await launchWithExtension();
  const plainProfile = await mkdtemp(join(tmpdir(), 'easyread-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  try {
    for (const context of [session.context, plain]) await context.addInitScript({ content: NAME_SHIM });
    const probePage = await plain.newPage();
    const userAgent = await probePage.evaluate(() => navigator.userAgent);
    await probePage.close();
    const browserVersion = session.context.browser()?.version() ?? userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';

    // 2. Size change: stored size 100% for every page load.
    await setScaleForNewPages(session, 100);
    const change = await interleaved('2/11 size change on /large.html', (side) => sizeChangeRun(session, server, side));

    // 9. Page adjustments, each against a root font change in the same run (stored size still 100%).
    const adjustColours = await interleaved('9/11 page colours on /large.html', (side) => adjustmentRun(session, server, side, 'colours'));
    const adjustFont = await interleaved('9/11 page font on /large.html', (side) => adjustmentRun(session, server, side, 'font'));
    const ruler = await interleaved('10/11 reading ruler following the pointer on /large.html', (side) => rulerRun(session, server, side));
    await setGlobalPreferences(session, {});

    // 6a. Live change 100 → 150 (the same path as 2, checked for correctness).
    log('6/11 share of text elements scaled (live change)');
    const liveLarge = await liveShare(session, server, '/large.html');
    const liveMeti = await liveShare(session, server, '/meti-release.html');

    // From here on, pages load with the extension at 150%.
    await setScaleForNewPages(session, 150);
    const load = await interleaved('3+4/11 page load and appended content on /large.html', (side) =>
      loadAndAppendRun(side === 'ours' ? session.context : plain, server, side),
    );

    log('5/11 first frame on /meti-release.html');
    const calibration = await openPage(plain, server, '/meti-release.html');
    const metiBase = await calibration.evaluate(probeSizes);
    await calibration.close();
    const metiScaled = Object.fromEntries(Object.entries(metiBase).map(([probe, size]) => [probe, round(size * 1.5, 3)]));
    const firstFrame = await interleaved('5/11 first frame on /meti-release.html', (side) =>
      side === 'ours' ? firstFrameRun(session.context, server, metiScaled) : firstFrameRun(plain, server, metiBase),
    );

    log('6/11 share of text elements scaled (loaded at 150%)');
    const sharesLarge = await loadedShares(session, plain, server, '/large.html');
    const sharesMeti = await loadedShares(session, plain, server, '/meti-release.html');
    const largeElements = await (async () => {
      const page = await openPage(plain, server, '/large.html');
      const count = await page.evaluate(() => document.getElementsByTagName('*').length);
      await page.close();
      return count;
    })();

    // 7. Reading mode, with the stored size back at 100% and default reader preferences.
    await setScaleForNewPages(session, 100);
    log('7/11 bundling Readability + DOMPurify (baseline) and the reader code (breakdown) with esbuild');
    const bundles = { bare: await bareReaderBundle(), reader: await readerCodeBundle() };
    const readerMeti = await readingModeOn(session, plain, server, '/meti-release.html', bundles);
    const readerLarge = await readingModeOn(session, plain, server, '/large.html', bundles);
    log('7/11 reading mode on /meti-release.html with the text size at 150% (first frame vs final size)');
    await setScaleForNewPages(session, 150);
    const lookCheck: ReaderSample[] = [];
    for (let i = 0; i < LOOK_CHECK_RUNS; i++) lookCheck.push(await readerRun(session, server, '/meti-release.html'));
    await setScaleForNewPages(session, 100);

    log('8/11 extraction quality (jsdom in Node, then the reader in Chromium)');
    const qualityJsdom = await extractionQuality();
    const qualityShown: { page: string; scores: ShingleScores }[] = [];
    for (const page of QUALITY_FIXTURES) qualityShown.push({ page, scores: await readerShownScores(session, server, page) });

    // 11. A 200,000-element page: the longest task of ours and the text on screen, against the browser's zoom.
    const huge = await hugePageRuns(session, server, (percent) => setGlobalScale(session, percent), log);

    // 12. Furigana: last, so that its first annotation is cold (nothing before it reads the dictionary).
    const furigana = await furiganaBench(session, server, log);

    // ------------------------------------------------------------ summaries
    const pick = <T, K extends keyof T>(samples: T[], key: K) => samples.map((sample) => Number(sample[key]));
    const changeSummary = (which: 'first' | 'step', key: keyof ChangeSample) => ({
      ours: summarize(change.ours.map((run) => run[which][key])),
      browser: summarize(change.browser.map((run) => run[which][key])),
    });
    const compare = (pair: { ours: Summary; browser: Summary }, target: number | null) => {
      const ratio = ratioOf(pair.ours, pair.browser);
      return { ...pair, ratio, target, met: target === null ? null : ratio <= target };
    };
    const readerSummary = (samples: Awaited<ReturnType<typeof readingModeOn>>) => {
      const ours = (key: keyof ReaderSample) => summarize(samples.ours.map((run) => Number(run[key])));
      const bare = (key: keyof BareSample) => summarize(samples.browser.map((run) => run[key]));
      const none = summarize([]);
      const steps = (key: 'snapshotMs' | 'parseAndExtractMs' | 'sanitizeMs' | 'totalMs') =>
        summarize(
          samples.ours.map(({ steps: run }) => {
            const parseAndExtractMs = run.parseMs + run.extractMs;
            const values = { ...run, parseAndExtractMs, totalMs: run.snapshotMs + parseAndExtractMs + run.sanitizeMs };
            return values[key];
          }),
        );
      return {
        painted: compare({ ours: ours('paintedMs'), browser: bare('paintedMs') }, TARGETS.reader),
        paintedVsCompute: compare({ ours: ours('paintedMs'), browser: bare('computeMs') }, null),
        lookPainted: compare({ ours: ours('lookPaintedMs'), browser: bare('paintedMs') }, null),
        frameInserted: compare({ ours: ours('frameInsertedMs'), browser: none }, null),
        reply: compare({ ours: ours('replyMs'), browser: none }, null),
        readerStart: compare({ ours: ours('readerStartMs'), browser: none }, null),
        readerDomContentLoaded: compare({ ours: ours('readerDomContentLoadedMs'), browser: none }, null),
        visible: compare({ ours: ours('visibleMs'), browser: none }, null),
        snapshot: compare({ ours: steps('snapshotMs'), browser: none }, null),
        extract: compare({ ours: steps('parseAndExtractMs'), browser: bare('parseMs') }, null),
        sanitize: compare({ ours: steps('sanitizeMs'), browser: bare('sanitizeMs') }, null),
        steps: compare({ ours: steps('totalMs'), browser: bare('computeMs') }, null),
        lookAfterFirstFrame: samples.ours.filter((run) => run.lookAfterFirstFrame).length,
        runs: samples.ours.length,
        extractKind: samples.ours[0]?.steps.kind ?? null,
        extractTextLength: samples.ours[0]?.steps.textLength ?? 0,
        snapshotBytes: samples.ours[0]?.steps.snapshotBytes ?? 0,
        readabilityTextLength: samples.browser[0]?.textLength ?? 0,
        samples,
      };
    };
    const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const adjustmentSummary = (samples: Record<Side, ChangeSample[]>) => {
      const pair = (key: keyof ChangeSample) =>
        compare({ ours: summarize(samples.ours.map((run) => run[key])), browser: summarize(samples.browser.map((run) => run[key])) }, null);
      return {
        mainThread: pair('mainThreadMs'),
        forced: pair('forcedMs'),
        style: pair('styleMs'),
        layout: pair('layoutMs'),
        other: pair('otherMs'),
        endToEnd: pair('paintedMs'),
        samples,
      };
    };

    const results = {
      meta: {
        date: new Date().toISOString(),
        chromium: browserVersion,
        source,
        userAgent,
        cpus: cpus().length,
        node: process.version,
        warmup: WARMUP,
        measured: MEASURED,
        largePageElements: largeElements,
        durationSeconds: 0,
      },
      scriptSize: { ...scriptSize, targetGzipBytes: TARGETS.gzipBytes, met: scriptSize.gzipBytes <= TARGETS.gzipBytes },
      sizeChange: {
        first: {
          mainThread: compare(changeSummary('first', 'mainThreadMs'), TARGETS.sizeChange),
          forced: compare(changeSummary('first', 'forcedMs'), null),
          style: compare(changeSummary('first', 'styleMs'), null),
          layout: compare(changeSummary('first', 'layoutMs'), null),
          other: compare(changeSummary('first', 'otherMs'), null),
          endToEnd: compare(changeSummary('first', 'paintedMs'), null),
        },
        step: {
          mainThread: compare(changeSummary('step', 'mainThreadMs'), TARGETS.sizeChange),
          forced: compare(changeSummary('step', 'forcedMs'), TARGETS.sizeChange),
          style: compare(changeSummary('step', 'styleMs'), null),
          layout: compare(changeSummary('step', 'layoutMs'), null),
          other: compare(changeSummary('step', 'otherMs'), null),
          endToEnd: compare(changeSummary('step', 'paintedMs'), null),
        },
        samples: change,
      },
      append: {
        first: compare(
          {
            ours: summarize(load.ours.map((run) => run.appendFirst.ms)),
            browser: summarize(load.browser.map((run) => run.appendFirst.ms)),
          },
          TARGETS.append,
        ),
        repeat: compare(
          {
            ours: summarize(load.ours.map((run) => run.appendRepeat.ms)),
            browser: summarize(load.browser.map((run) => run.appendRepeat.ms)),
          },
          TARGETS.append,
        ),
        elements: load.ours[0]?.appendFirst.elements ?? 0,
        textElements: load.ours[0]?.appendFirst.textElements ?? 0,
        pinnedAfterMicrotask: Math.min(...load.ours.map((run) => run.appendFirst.pinnedAfterMicrotask)),
        firstRewroteStylesheet: load.ours.filter((run) => run.appendFirst.rulesAfter !== run.appendFirst.rulesBefore).length,
        repeatRewroteStylesheet: load.ours.filter((run) => run.appendRepeat.rulesAfter !== run.appendRepeat.rulesBefore).length,
        rules: `${load.ours[0]?.appendFirst.rulesBefore} → ${load.ours[0]?.appendFirst.rulesAfter}`,
      },
      pageLoad: {
        loadEventEnd: compare(
          { ours: summarize(pick(load.ours, 'loadEventEnd')), browser: summarize(pick(load.browser, 'loadEventEnd')) },
          TARGETS.pageLoad,
        ),
        fcp: compare(
          {
            ours: summarize(load.ours.flatMap((run) => (run.fcp === null ? [] : [run.fcp]))),
            browser: summarize(load.browser.flatMap((run) => (run.fcp === null ? [] : [run.fcp]))),
          },
          TARGETS.pageLoad,
        ),
        domContentLoaded: compare(
          { ours: summarize(pick(load.ours, 'domContentLoaded')), browser: summarize(pick(load.browser, 'domContentLoaded')) },
          null,
        ),
        mainThread: compare(
          { ours: summarize(pick(load.ours, 'mainThreadMs')), browser: summarize(pick(load.browser, 'mainThreadMs')) },
          null,
        ),
        samples: load,
      },
      firstFrame: {
        firstFrameAt: compare(
          { ours: summarize(pick(firstFrame.ours, 'firstFrameAt')), browser: summarize(pick(firstFrame.browser, 'firstFrameAt')) },
          null,
        ),
        oursSizeAppliedAt: summarize(firstFrame.ours.flatMap((run) => (run.appliedAt === null ? [] : [run.appliedAt]))),
        oursScaledInFirstFrame: firstFrame.ours.filter((run) => run.scaledInFirstFrame).length,
        runs: firstFrame.ours.length,
        fcp: compare(
          {
            ours: summarize(firstFrame.ours.flatMap((run) => (run.fcp === null ? [] : [run.fcp]))),
            browser: summarize(firstFrame.browser.flatMap((run) => (run.fcp === null ? [] : [run.fcp]))),
          },
          null,
        ),
        expectedSizes: metiScaled,
        samples: firstFrame,
      },
      share: {
        large: { loaded: sharesLarge.ours, live: liveLarge, rootFontSize: sharesLarge.root, browserFontSetting: sharesLarge.setting },
        meti: { loaded: sharesMeti.ours, live: liveMeti, rootFontSize: sharesMeti.root, browserFontSetting: sharesMeti.setting },
      },
      readingMode: {
        meti: readerSummary(readerMeti),
        large: readerSummary(readerLarge),
        metiAbsoluteTargetMs: TARGETS.readerMetiMs,
        lookCheckAt150: lookCheck.map(({ firstFontSize, finalFontSize, lookAfterFirstFrame, paintedMs, lookPaintedMs }) => ({
          firstFontSize,
          finalFontSize,
          lookAfterFirstFrame,
          paintedMs: round(paintedMs),
          lookPaintedMs: round(lookPaintedMs),
        })),
      },
      extraction: {
        shingle: 4,
        rows: QUALITY_FIXTURES.map((page) => {
          const jsdom = qualityJsdom.find((row) => row.page === page) as QualityRow;
          const shown = qualityShown.find((row) => row.page === page)?.scores as ShingleScores;
          return { page, kind: jsdom.kind, expectedTokens: jsdom.expectedTokens, jsdom: jsdom.scores, chromiumReader: shown };
        }),
        meanF1: {
          jsdom: meanOf(qualityJsdom.map((row) => row.scores.f1)),
          chromiumReader: meanOf(qualityShown.map((row) => row.scores.f1)),
        },
      },
      adjustments: {
        rootFontChange: ROOT_FONT_CHANGE,
        probe: ADJUST_PROBE,
        colours: { ...ADJUSTMENTS.colours, ...adjustmentSummary(adjustColours) },
        font: { ...ADJUSTMENTS.font, ...adjustmentSummary(adjustFont) },
      },
      hugePage: {
        path: HUGE_PAGE,
        onScreen: compare({ ours: summarize(pick(huge.ours, 'onScreenMs')), browser: summarize(pick(huge.browser, 'onScreenMs')) }, null),
        longestTask: compare(
          { ours: summarize(pick(huge.ours, 'longestTaskMs')), browser: summarize(pick(huge.browser, 'longestTaskMs')) },
          null,
        ),
        oursAllDone: summarize(huge.ours.map((run) => run.allDoneMs ?? 0)),
        oursTasksOver50: huge.ours.map((run) => run.tasksOver50 ?? 0),
        samples: huge as { ours: HugePageSample[]; browser: HugePageSample[] },
      },
      ruler: {
        moves: RULER_MOVES,
        mainThread: compare(
          { ours: summarize(pick(ruler.ours, 'mainThreadMs')), browser: summarize(pick(ruler.browser, 'mainThreadMs')) },
          null,
        ),
        samples: ruler,
      },
    };
    Object.assign(results, { furigana });
    results.meta.durationSeconds = Math.round((Date.now() - startedAt) / 1000);

    await mkdir(join(ROOT, 'artifacts'), { recursive: true });
    await writeFile(join(ROOT, 'artifacts/bench.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(report(results));
  } finally {
    await plain.close();
    await rm(plainProfile, { recursive: true, force: true });
    await session.close();
    await server.close();
  }
}

// ---------------------------------------------------------------- report

interface Compared {
  ours: Summary;
  browser: Summary;
  ratio: number;
  target: number | null;
  met: boolean | null;
}

function row(label: string, pair: Compared): string[] {
  return [
    label,
    formatMs(pair.ours),
    formatMs(pair.browser),
    Number.isFinite(pair.ratio) ? `${pair.ratio.toFixed(2)}×` : 'n/a',
    pair.target === null ? '(info)' : `≤ ${pair.target}×`,
    pair.met === null ? '' : met(pair.met),
  ];
}

const HEADER = ['measure', 'EasyRead (median, min–max)', 'browser (median, min–max)', 'ratio', 'target', ''];

type Results = {
  furigana?: FuriganaBenchResult;
  meta: { date: string; chromium: string; source: string; cpus: number; node: string; largePageElements: number; durationSeconds: number };
  scriptSize: {
    file: string;
    bytes: number;
    gzipBytes: number;
    met: boolean;
    onDemand: { file: string; bytes: number; gzipBytes: number }[];
  };
  sizeChange: Record<'first' | 'step', Record<'mainThread' | 'forced' | 'style' | 'layout' | 'other' | 'endToEnd', Compared>>;
  append: {
    first: Compared;
    repeat: Compared;
    elements: number;
    textElements: number;
    pinnedAfterMicrotask: number;
    firstRewroteStylesheet: number;
    repeatRewroteStylesheet: number;
    rules: string;
  };
  pageLoad: { loadEventEnd: Compared; fcp: Compared; domContentLoaded: Compared; mainThread: Compared };
  firstFrame: {
    firstFrameAt: Compared;
    oursSizeAppliedAt: Summary;
    oursScaledInFirstFrame: number;
    runs: number;
    fcp: Compared;
  };
  share: Record<'large' | 'meti', Record<'loaded' | 'live' | 'rootFontSize' | 'browserFontSetting', ShareResult>>;
  readingMode: {
    meti: ReaderSummary;
    large: ReaderSummary;
    metiAbsoluteTargetMs: number;
    lookCheckAt150: { firstFontSize: number; finalFontSize: number; lookAfterFirstFrame: boolean }[];
  };
  hugePage: { path: string; onScreen: Compared; longestTask: Compared; oursAllDone: Summary; oursTasksOver50: number[] };
  extraction: {
    shingle: number;
    rows: { page: string; kind: string | null; expectedTokens: number; jsdom: ShingleScores; chromiumReader: ShingleScores }[];
    meanF1: { jsdom: number; chromiumReader: number };
  };
  ruler: { moves: number; mainThread: Compared };
  adjustments: {
    rootFontChange: string;
    probe: string;
  } & Record<
    AdjustmentKind,
    { field: string; value: string; property: string } & Record<
      'mainThread' | 'forced' | 'style' | 'layout' | 'other' | 'endToEnd',
      Compared
    >
  >;
};

type ReaderSummary = Record<
  | 'painted'
  | 'paintedVsCompute'
  | 'lookPainted'
  | 'frameInserted'
  | 'reply'
  | 'readerStart'
  | 'readerDomContentLoaded'
  | 'visible'
  | 'snapshot'
  | 'extract'
  | 'sanitize'
  | 'steps',
  Compared
> & {
  lookAfterFirstFrame: number;
  runs: number;
  extractKind: string | null;
  extractTextLength: number;
  snapshotBytes: number;
  readabilityTextLength: number;
};

function report(results: Results): string {
  const { meta, scriptSize, sizeChange, append, pageLoad, firstFrame, share, readingMode, extraction, adjustments } = results;
  const out: string[] = [];
  const section = (title: string) => out.push('', title);
  out.push(
    '',
    'EasyRead bench',
    `  Chromium ${meta.chromium} headless (Debian), ${meta.cpus} CPUs, Node ${meta.node}, ${meta.date}, ${meta.durationSeconds} s`,
    `  source: ${meta.source}`,
    `  Every time is the median of ${MEASURED} runs after ${WARMUP} warm-up runs (min–max in brackets); "browser" is the browser's own`,
    '  equivalent measured in the same run; ratio = EasyRead median / browser median. Targets are reported, never asserted.',
  );

  section('1. Always-on content script');
  out.push(
    `  ${scriptSize.file}: ${formatBytes(scriptSize.bytes)} minified, ${formatBytes(scriptSize.gzipBytes)} gzip -9` +
      `   target ≤ ${TARGETS.gzipBytes / 1024} KB gzip: ${met(scriptSize.met)}`,
    '  loaded into a page only while their feature is used (not always on):',
    ...scriptSize.onDemand.map(
      ({ file, bytes, gzipBytes }) => `    ${file}: ${formatBytes(bytes)} minified, ${formatBytes(gzipBytes)} gzip -9`,
    ),
  );

  section(`2. One text-size change on /large.html (${meta.largePageElements.toLocaleString('en-US')} elements)`);
  out.push(
    '  method, main thread: CDP Performance.getMetrics TaskDuration delta (all renderer main-thread work: our isolated-world',
    '    script, style, layout, paint), from the trigger until a frame showing the change has been rendered; fresh tab per run.',
    '  method, trigger: EasyRead = chrome.storage.sync.set from the service worker; browser = documentElement.style.zoom set in the page.',
    '  method, forced: browser = zoom set + body.offsetHeight; EasyRead = MutationObserver sees our <style> text change + body.offsetHeight',
    '    (for 100→150 this leaves out our measuring walk, which runs before the stylesheet is written: see main thread for the total).',
    '  method, end to end: wall time from the trigger call to the first rendered frame whose probe heading box has grown (rAF poll).',
    table(HEADER, [
      row('100→150 main thread', sizeChange.first.mainThread),
      row('  of which style recalc', sizeChange.first.style),
      row('  of which layout', sizeChange.first.layout),
      row('  of which other (scripts, paint…)', sizeChange.first.other),
      row('100→150 forced relayout', sizeChange.first.forced),
      row('100→150 end to end', sizeChange.first.endToEnd),
      row('150→175 main thread', sizeChange.step.mainThread),
      row('  of which style recalc', sizeChange.step.style),
      row('  of which layout', sizeChange.step.layout),
      row('  of which other (scripts, paint…)', sizeChange.step.other),
      row('150→175 forced relayout', sizeChange.step.forced),
      row('150→175 end to end', sizeChange.step.endToEnd),
    ]),
  );

  section(
    `3. ${append.elements.toLocaleString('en-US')} elements appended to #append-target on /large.html (EasyRead at 150% vs no extension)`,
  );
  out.push(
    '  method: markup parsed into a fragment first; t0 → append → `await 0` (every MutationObserver callback, ours included,',
    '    runs at that microtask checkpoint) → body.offsetHeight → t1. "first" = first insertion after load; "repeat" = the same',
    '    insertion again after clearing #append-target (its sizes are then already known). Fresh tab per run.',
    table(HEADER, [row('first insertion', append.first), row('repeat insertion', append.repeat)]),
    `  check: ${append.pinnedAfterMicrotask} of ${append.textElements} appended text elements were pinned before the layout read (fewest over runs).`,
    `  our stylesheet text was rewritten (new sizes) during: first insertion ${append.firstRewroteStylesheet}/${MEASURED} runs` +
      ` (rules ${append.rules}), repeat insertion ${append.repeatRewroteStylesheet}/${MEASURED} runs.`,
  );

  section('4. Page load of /large.html (EasyRead at 150% vs no extension)');
  out.push(
    '  method: fresh tab per run; navigation timing loadEventEnd and the first-contentful-paint entry, ms from navigation start;',
    '    main thread = CDP TaskDuration delta from before page.goto to the load event (all renderer main-thread work).',
    table(HEADER, [
      row('load event end', pageLoad.loadEventEnd),
      row('first contentful paint', pageLoad.fcp),
      row('DOMContentLoaded end', pageLoad.domContentLoaded),
      row('main thread until load', pageLoad.mainThread),
    ]),
  );

  section('5. First frame of /meti-release.html (EasyRead at 150% vs no extension)');
  out.push(
    "  method: an init script times the page's own first-rAF probe (window.__firstFrame) and, in a rAF loop on both sides, the first",
    '    frame in which every [data-probe] element has its expected size (×1.5 for EasyRead); ms from navigation start.',
    table(HEADER, [row('first frame (first rAF)', firstFrame.firstFrameAt), row('first contentful paint', firstFrame.fcp)]),
    `  size applied at (EasyRead): ${formatMs(firstFrame.oursSizeAppliedAt)} after navigation start`,
    `  first frame already scaled: ${firstFrame.oursScaledInFirstFrame === firstFrame.runs ? 'yes' : 'NO'} (${firstFrame.oursScaledInFirstFrame}/${firstFrame.runs} runs)`,
  );

  section('6. Share of text elements at ×1.5 (±0.1 px of the original computed size × 1.5)');
  out.push(
    '  text elements: elements in <body> with a direct non-whitespace text child, except script/style/noscript/template.',
    '  loaded = page loaded with EasyRead at 150%; live = page loaded at 100%, then switched to 150%;',
    '  root 150% = no extension, html.style.fontSize = "150%" (a root-size change alone); browser setting = no extension,',
    "  the browser's own default font size 16 → 24 px (Settings › Fonts; CDP Page.setFontSizes, monospace 13 → 20).",
  );
  const shareRows: string[][] = [];
  for (const [name, path] of [
    ['large', '/large.html'],
    ['meti', '/meti-release.html'],
  ] as const) {
    const entry = share[name];
    const cell = (result: ShareResult) => `${formatPercent(result.share)} (${result.scaled}/${result.textElements})`;
    shareRows.push([
      path,
      cell(entry.loaded),
      cell(entry.live),
      cell(entry.rootFontSize),
      cell(entry.browserFontSetting),
      met(entry.loaded.share >= TARGETS.share && entry.live.share >= TARGETS.share),
    ]);
  }
  out.push(table(['page', 'EasyRead loaded', 'EasyRead live', 'root 150%', 'browser setting', 'target 100%'], shareRows));
  for (const [name, entry] of Object.entries(share)) {
    for (const kind of ['loaded', 'live'] as const) {
      if (entry[kind].misses.length > 0) out.push(`  ${name} ${kind} misses: ${entry[kind].misses.join('; ')}`);
    }
  }

  section('7. Reading mode: from the command to the reader painted (EasyRead vs a bare Readability + DOMPurify reader)');
  out.push(
    '  method, EasyRead: fresh tab, stored text size 100%, default reader look. The run-command message is sent from an extension',
    '    page as the popup sends it; t0 = just before its chrome.runtime.sendMessage. "Painted" = a MessageChannel message posted from',
    "    the first requestAnimationFrame callback in the reader frame after #article lost `hidden` (it runs after that frame's style,",
    '    layout and paint). Times across processes: epoch clocks (performance.timeOrigin + now()) of the extension page, the page',
    '    and the reader frame.',
    '  method, bare reader: fresh tab of the browser without the extension, with @mozilla/readability and dompurify (the packages the',
    '    reader uses, esbuild IIFE) injected beforehand; t0 → new Readability(document.cloneNode(true)).parse() → DOMPurify.sanitize',
    '    (default config) of its content → title + content shown in a fixed full-window <div> in the page → first frame rendered (same rule).',
    '  breakdown "t0 →": EasyRead times since t0 (no baseline). The overlay hands the page\'s outerHTML to the background (storage.session);',
    '    the reader page fetches it, parses it with DOMParser, runs extractArticle on that inert copy, sanitizes, renders.',
    '  breakdown "steps alone": the same steps with the same sources (src/reader/extract.ts and sanitize.ts, esbuild IIFE) run one after',
    '    the other in a fresh tab without the extension, no messaging or frame load: outerHTML; DOMParser + extractArticle (vs the bare',
    "    reader's cloneNode + Readability parse); sanitizeArticleFragment (vs DOMPurify.sanitize, default config).",
  );
  const readerRows = (path: string, entry: ReaderSummary) => [
    row(`${path}: reader painted`, entry.painted),
    row('  vs parse + sanitize alone', entry.paintedVsCompute),
    row('  painted in the stored look (applied)', entry.lookPainted),
    row('  t0 → iframe appended (snapshot handed over)', entry.frameInserted),
    row('  t0 → command reply in the extension page', entry.reply),
    row('  t0 → reader document navigation start', entry.readerStart),
    row('  t0 → reader DOMContentLoaded', entry.readerDomContentLoaded),
    row('  t0 → #article visible (fetched, extracted, sanitized)', entry.visible),
    row('  steps alone: snapshot (outerHTML)', entry.snapshot),
    row('  steps alone: DOMParser + extractArticle vs Readability', entry.extract),
    row('  steps alone: sanitize', entry.sanitize),
    row('  steps alone: total vs parse + sanitize', entry.steps),
  ];
  out.push(
    table(
      ['measure', 'EasyRead (median, min–max)', 'bare reader (median, min–max)', 'ratio', 'target', ''],
      [...readerRows('/meti-release.html', readingMode.meti), ...readerRows('/large.html', readingMode.large)],
    ),
  );
  const metiPainted = readingMode.meti.painted.ours.median;
  out.push(
    `  absolute: /meti-release.html reader painted ${formatMs(readingMode.meti.painted.ours)}, target ≤ ${readingMode.metiAbsoluteTargetMs} ms: ` +
      met(metiPainted <= readingMode.metiAbsoluteTargetMs),
  );
  for (const [path, entry] of [
    ['/meti-release.html', readingMode.meti],
    ['/large.html', readingMode.large],
  ] as const) {
    out.push(
      `  ${path}: snapshot handed to the background ${formatBytes(entry.snapshotBytes)}; extractArticle → ${entry.extractKind},` +
        ` ${entry.extractTextLength.toLocaleString('en-US')} characters; Readability's textContent: ${entry.readabilityTextLength.toLocaleString('en-US')} characters.`,
    );
  }
  out.push(
    `  stored look applied only after the first frame with the article was rendered: /meti-release.html ${readingMode.meti.lookAfterFirstFrame}/` +
      `${readingMode.meti.runs} runs, /large.html ${readingMode.large.lookAfterFirstFrame}/${readingMode.large.runs} runs` +
      ' (at 100% and default look nothing visible changes then).',
    `  with the text size at 150% (${readingMode.lookCheckAt150.length} runs on /meti-release.html, not timed): #article font size in the first` +
      ` frame with the article ${readingMode.lookCheckAt150.map((run) => `${run.firstFontSize} px`).join(', ')};` +
      ` once settled ${readingMode.lookCheckAt150.map((run) => `${run.finalFontSize} px`).join(', ')}.`,
  );

  section(`8. Extraction quality: ${extraction.shingle}-token shingles against tests/fixtures/extraction/*.expected.txt (hand-checked)`);
  out.push(
    '  method, jsdom: extractArticle (src/reader/extract.ts) in Node on each fixture parsed by jsdom (URL http://127.0.0.1/<page>.html);',
    '    text = title, byline, meta (label, value), body with rt/rp removed and a line per block, as tests/unit/extract.test.ts scores it.',
    "  method, Chromium reader: the same fixture served, opened in reading mode in the extension's Chromium; the same text rule applied to",
    '    what the reader frame shows (#article-title, #byline if shown, #meta, #content after DOMPurify).',
  );
  const score = (value: number) => value.toFixed(3);
  out.push(
    table(
      ['page', 'kind', 'expected tokens', 'precision', 'recall', 'F1 (jsdom)', 'F1 (Chromium reader; P / R)'],
      [
        ...extraction.rows.map((entry) => [
          entry.page,
          entry.kind ?? 'none',
          String(entry.expectedTokens),
          score(entry.jsdom.precision),
          score(entry.jsdom.recall),
          score(entry.jsdom.f1),
          `${score(entry.chromiumReader.f1)} (${score(entry.chromiumReader.precision)} / ${score(entry.chromiumReader.recall)})`,
        ]),
        ['mean', '', '', '', '', score(extraction.meanF1.jsdom), score(extraction.meanF1.chromiumReader)],
      ],
    ),
  );

  section(`9. Page adjustments on /large.html (${meta.largePageElements.toLocaleString('en-US')} elements)`);
  out.push(
    '  method: as section 2 (CDP TaskDuration delta from the trigger until a frame showing the change has been rendered; fresh tab',
    '    per run, stored size 100%, no adjustment at load). Trigger: EasyRead = chrome.storage.sync.set of `preferences` from the',
    `    service worker (pageColours '${adjustments.colours.value}', then separately pageFont '${adjustments.font.value}');`,
    `    browser = documentElement.style.fontSize = "${adjustments.rootFontChange}" in the page (the browser's own relayout for a root`,
    '    font change), measured in the same run as each.',
    `  method, applied: the probe ${adjustments.probe} (1rem) has a new computed value: color / font-family for EasyRead, font-size`,
    '    for the browser. forced: browser = fontSize set + body.offsetHeight; EasyRead = MutationObserver sees our',
    '    <style data-<token>="a"> appear + body.offsetHeight. end to end: trigger call → first rendered frame with the change.',
    table(HEADER, [
      row('colours main thread', adjustments.colours.mainThread),
      row('  of which style recalc', adjustments.colours.style),
      row('  of which layout', adjustments.colours.layout),
      row('  of which other (scripts, paint…)', adjustments.colours.other),
      row('colours forced relayout', adjustments.colours.forced),
      row('colours end to end', adjustments.colours.endToEnd),
      row('font main thread', adjustments.font.mainThread),
      row('  of which style recalc', adjustments.font.style),
      row('  of which layout', adjustments.font.layout),
      row('  of which other (scripts, paint…)', adjustments.font.other),
      row('font forced relayout', adjustments.font.forced),
      row('font end to end', adjustments.font.endToEnd),
    ]),
    `  absolute: colours ${formatMs(adjustments.colours.mainThread.ours)} main thread (${adjustments.colours.mainThread.ratio.toFixed(2)}× the root` +
      ` font change), font ${formatMs(adjustments.font.mainThread.ours)} (${adjustments.font.mainThread.ratio.toFixed(2)}×).`,
    `  always-on content script (as in 1): ${scriptSize.file} ${formatBytes(scriptSize.gzipBytes)} gzip -9` +
      `   target ≤ ${TARGETS.gzipBytes / 1024} KB gzip: ${met(scriptSize.met)}`,
  );

  section(`10. Reading ruler following the pointer on /large.html (${meta.largePageElements.toLocaleString('en-US')} elements)`);
  out.push(
    `  method: ${results.ruler.moves} pointer moves down the page, each followed by a rendered frame; CDP TaskDuration delta over`,
    '    all of them. EasyRead = the ruler on (stored pageLineFocus); browser = the same moves with nothing on (the page and the',
    '    browser alone). Ratio = how much more main-thread work the ruler adds per move.',
    table(HEADER, [row('main thread, all moves', results.ruler.mainThread)]),
    `  per move (medians): ${(results.ruler.mainThread.ours.median / results.ruler.moves).toFixed(2)} ms with the ruler, ` +
      `${(results.ruler.mainThread.browser.median / results.ruler.moves).toFixed(2)} ms without.`,
  );
  const huge = results.hugePage;
  section(`11. A 200,000-element page (${huge.path}): 100 → 110%`);
  out.push(
    '  method: EasyRead = the stored size set to 110% (the content script already on the page); browser = CSS zoom 1.1 on the root',
    '    and a forced layout. "on screen" = from the trigger until a frame shows the first heading at the new size. "longest task" =',
    '    ours: the longest main-thread task in which EasyRead code ran (Chromium trace, with the style and layout it forced);',
    '    browser: the zoom relayout, one task. Target: no task of ours over 100 ms.',
    table(HEADER, [row('text on screen at the new size', huge.onScreen), row('longest task', huge.longestTask)]),
    `  EasyRead: every text element pinned after ${formatMs(huge.oursAllDone)}; tasks of ours over 50 ms per run: ${huge.oursTasksOver50.join(', ')}.` +
      `  Longest task of ours ≤ 100 ms: ${met(huge.longestTask.ours.max <= 100)}`,
  );
  if (results.furigana) {
    section('12. Furigana (analyzer: kuromoji + IPADIC in a worker of the offscreen document)');
    out.push(...furiganaReport(results.furigana, (ms) => `${Math.round(ms)} ms`));
  }
  out.push('', '  JSON with every sample: artifacts/bench.json', '');
  return out.join('\n');
}

await main();
