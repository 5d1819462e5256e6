/**
 * Bench sections 3 and 4, measured in the same fresh tabs: page load of /large.html with EasyRead at 150% against
 * no extension (4), then 1,000 elements appended to it, once and again (3).
 */
import type { BrowserContext } from 'playwright-core';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { COMPARED_HEADER, comparedRow, formatCount, table } from './harness/format.ts';
import { cdpMetrics, metricDeltaMs, settlePage } from './harness/pages.ts';
import { interleaved, MEASURED, type PerSide, type Side } from './harness/runs.ts';
import { type Compared, compare, compareField, present, summarize } from './harness/stats.ts';
import { clearAppendTarget, loadTimings, readScale, timeAppend } from './in-page.ts';

const APPEND_GROUPS = 200; // × 5 elements = 1,000
const TARGETS = { append: 1.5, pageLoad: 1.2 };

type AppendSample = Awaited<ReturnType<typeof timeAppend>>;

export interface LoadSample {
  /** Renderer main-thread busy time from the navigation request to the load event (CDP TaskDuration delta). */
  mainThreadMs: number;
  loadEventEnd: number;
  fcp: number | null;
  domContentLoaded: number;
  appendFirst: AppendSample;
  appendRepeat: AppendSample;
}

async function loadAndAppendRun(context: BrowserContext, server: FixtureServer, side: Side): Promise<LoadSample> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await cdpMetrics(cdp);
  await page.goto(server.url('/large.html'), { waitUntil: 'load' });
  const after = await cdpMetrics(cdp);
  await cdp.detach();
  const timings = await page.evaluate(loadTimings);
  if (side === 'ours' && (await page.evaluate(readScale)).pinned === 0) throw new Error('extension did not scale /large.html at load');
  await settlePage(page);
  const appendFirst = await page.evaluate(timeAppend, { groups: APPEND_GROUPS, round: 1 });
  await page.evaluate(clearAppendTarget);
  await settlePage(page);
  const appendRepeat = await page.evaluate(timeAppend, { groups: APPEND_GROUPS, round: 2 });
  await page.close();
  return { ...timings, mainThreadMs: metricDeltaMs(before, after, 'TaskDuration'), appendFirst, appendRepeat };
}

/** Expects the stored size at 150% for new pages; `browsers` gives the context of each side. */
export function measureLoadAndAppend(browsers: Record<Side, BrowserContext>, server: FixtureServer): Promise<PerSide<LoadSample>> {
  return interleaved('3+4/11 page load and appended content on /large.html', (side) => loadAndAppendRun(browsers[side], server, side));
}

export function appendResult(load: PerSide<LoadSample>) {
  const [firstRun] = load.ours;
  const rewrote = (round: 'appendFirst' | 'appendRepeat') =>
    load.ours.filter((run) => run[round].rulesAfter !== run[round].rulesBefore).length;
  return {
    first: compareField(load, (run) => run.appendFirst.ms, TARGETS.append),
    repeat: compareField(load, (run) => run.appendRepeat.ms, TARGETS.append),
    elements: firstRun?.appendFirst.elements ?? 0,
    textElements: firstRun?.appendFirst.textElements ?? 0,
    pinnedAfterMicrotask: Math.min(...load.ours.map((run) => run.appendFirst.pinnedAfterMicrotask)),
    firstRewroteStylesheet: rewrote('appendFirst'),
    repeatRewroteStylesheet: rewrote('appendRepeat'),
    rules: `${firstRun?.appendFirst.rulesBefore} → ${firstRun?.appendFirst.rulesAfter}`,
  };
}

export function pageLoadResult(load: PerSide<LoadSample>) {
  return {
    loadEventEnd: compareField(load, (run) => run.loadEventEnd, TARGETS.pageLoad),
    fcp: compareFcp(load, TARGETS.pageLoad),
    domContentLoaded: compareField(load, (run) => run.domContentLoaded),
    mainThread: compareField(load, (run) => run.mainThreadMs),
    samples: load,
  };
}

/** First contentful paint of the runs that had one, compared (shared with section 5). */
export function compareFcp<T extends { fcp: number | null }>(samples: PerSide<T>, target: number | null): Compared {
  const fcps = (runs: T[]) => summarize(present(runs.map((run) => run.fcp)));
  return compare({ ours: fcps(samples.ours), browser: fcps(samples.browser) }, target);
}

export function appendReport(append: ReturnType<typeof appendResult>): string[] {
  return [
    '',
    `3. ${formatCount(append.elements)} elements appended to #append-target on /large.html (EasyRead at 150% vs no extension)`,
    '  method: markup parsed into a fragment first; t0 → append → `await 0` (every MutationObserver callback, ours included,',
    '    runs at that microtask checkpoint) → body.offsetHeight → t1. "first" = first insertion after load; "repeat" = the same',
    '    insertion again after clearing #append-target (its sizes are then already known). Fresh tab per run.',
    table(COMPARED_HEADER, [comparedRow('first insertion', append.first), comparedRow('repeat insertion', append.repeat)]),
    `  check: ${append.pinnedAfterMicrotask} of ${append.textElements} appended text elements were pinned before the layout read (fewest over runs).`,
    `  our stylesheet text was rewritten (new sizes) during: first insertion ${append.firstRewroteStylesheet}/${MEASURED} runs` +
      ` (rules ${append.rules}), repeat insertion ${append.repeatRewroteStylesheet}/${MEASURED} runs.`,
  ];
}

export function pageLoadReport(pageLoad: ReturnType<typeof pageLoadResult>): string[] {
  return [
    '',
    '4. Page load of /large.html (EasyRead at 150% vs no extension)',
    '  method: fresh tab per run; navigation timing loadEventEnd and the first-contentful-paint entry, ms from navigation start;',
    '    main thread = CDP TaskDuration delta from before page.goto to the load event (all renderer main-thread work).',
    table(COMPARED_HEADER, [
      comparedRow('load event end', pageLoad.loadEventEnd),
      comparedRow('first contentful paint', pageLoad.fcp),
      comparedRow('DOMContentLoaded end', pageLoad.domContentLoaded),
      comparedRow('main thread until load', pageLoad.mainThread),
    ]),
  ];
}
