/**
 * One triggered change of a settled page, timed the same way in sections 2 (text size) and 9 (page adjustments):
 * main-thread work from the trigger until a frame showing the change has been rendered, split into style, layout
 * and the rest; the page-side forced relayout; and the wall time to the change painted.
 */
import type { CDPSession, Page } from 'playwright-core';
import { comparedRow } from './harness/format.ts';
import { cdpMetrics, metricDeltaMs } from './harness/pages.ts';
import { nowEpoch, type PerSide, type Side } from './harness/runs.ts';
import { type Compared, compare, compareField, finite, summarize } from './harness/stats.ts';
import { awaitChangeDetectors, nextFrameRendered } from './in-page.ts';

export interface ChangeSample {
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

/** The change detectors must already be armed in the page (armChangeDetectors or armComputedChangeDetectors). */
export async function measureArmedChange(
  page: Page,
  cdp: CDPSession,
  side: Side,
  trigger: () => Promise<unknown>,
  what: string,
): Promise<ChangeSample> {
  const before = await cdpMetrics(cdp);
  const start = nowEpoch();
  await trigger();
  const done = await page.evaluate(awaitChangeDetectors);
  if (!done) throw new Error(`${what} was never applied`);
  // Once placed, our text-size sheet is edited through the CSSOM (src/content/text-scale/scale-sheet.ts): a step
  // changes no text the page could observe, so its forced relayout cannot be timed from the page (NaN, printed n/a).
  if (done.forcedMs === null && side === 'browser') throw new Error(`${what} was never observed`);
  await page.evaluate(nextFrameRendered);
  const after = await cdpMetrics(cdp);
  const delta = (name: string) => metricDeltaMs(before, after, name);
  return {
    mainThreadMs: delta('TaskDuration'),
    styleMs: delta('RecalcStyleDuration'),
    layoutMs: delta('LayoutDuration'),
    otherMs: delta('TaskDuration') - delta('RecalcStyleDuration') - delta('LayoutDuration'),
    forcedMs: done.forcedMs ?? Number.NaN,
    paintedMs: done.paintedAt - start,
  };
}

export type ChangeComparison = Record<'mainThread' | 'forced' | 'style' | 'layout' | 'other' | 'endToEnd', Compared>;

/** Each figure of the samples compared; `targets` holds the ratio targets of the figures that have one. */
export function compareChanges(samples: PerSide<ChangeSample>, targets: { mainThread?: number; forced?: number } = {}): ChangeComparison {
  const field = (key: keyof ChangeSample, target: number | null = null) => compareField(samples, (run) => run[key], target);
  return {
    mainThread: field('mainThreadMs', targets.mainThread ?? null),
    // Only the runs in which the forced relayout could be observed (see measureArmedChange).
    forced: compare(
      {
        ours: summarize(finite(samples.ours.map((run) => run.forcedMs))),
        browser: summarize(finite(samples.browser.map((run) => run.forcedMs))),
      },
      targets.forced ?? null,
    ),
    style: field('styleMs'),
    layout: field('layoutMs'),
    other: field('otherMs'),
    endToEnd: field('paintedMs'),
  };
}

/** The six rows of one change: main thread with its parts, forced relayout, end to end (`label` names the change). */
export function changeRows(label: string, change: ChangeComparison): string[][] {
  return [
    comparedRow(`${label} main thread`, change.mainThread),
    comparedRow('  of which style recalc', change.style),
    comparedRow('  of which layout', change.layout),
    comparedRow('  of which other (scripts, paint…)', change.other),
    comparedRow(`${label} forced relayout`, change.forced),
    comparedRow(`${label} end to end`, change.endToEnd),
  ];
}
