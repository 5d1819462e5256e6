/** Bench section 7: reading mode, from the command to the reader painted, against a bare Readability + DOMPurify reader. */
import type { BenchBrowsers } from './harness/browsers.ts';
import { setScaleForNewPages } from './harness/extension-storage.ts';
import { log } from './harness/runs.ts';
import { type Compared, compare, round, summarize } from './harness/stats.ts';
import { bareReaderBundle, readerCodeBundle } from './reader.ts';
import { type BareSample, type ReaderSample, type ReadingModeRuns, readerRun, readingModeOn } from './reading-mode-runs.ts';

export const METI = '/meti-release.html';
export const LARGE = '/large.html';
/** Reading mode with the text size at 150%: runs checking the size of the reader's first frame (not timed). */
const LOOK_CHECK_RUNS = 3;
export const TARGETS = { reader: 1.3, readerMetiMs: 100 };

export interface ReadingModeMeasurements {
  meti: ReadingModeRuns;
  large: ReadingModeRuns;
  lookCheck: ReaderSample[];
}

/** Runs with the stored size at 100% and default reader preferences, then the look check at 150%; leaves 100% stored. */
export async function measureReadingMode({ session, plain, server }: BenchBrowsers): Promise<ReadingModeMeasurements> {
  await setScaleForNewPages(session, 100);
  log('7/11 bundling Readability + DOMPurify (baseline) and the reader code (breakdown) with esbuild');
  const bundles = { bare: await bareReaderBundle(), reader: await readerCodeBundle() };
  const meti = await readingModeOn(session, plain, server, METI, bundles);
  const large = await readingModeOn(session, plain, server, LARGE, bundles);
  log(`7/11 reading mode on ${METI} with the text size at 150% (first frame vs final size)`);
  await setScaleForNewPages(session, 150);
  const lookCheck: ReaderSample[] = [];
  for (let i = 0; i < LOOK_CHECK_RUNS; i++) lookCheck.push(await readerRun(session, server, METI));
  await setScaleForNewPages(session, 100);
  return { meti, large, lookCheck };
}

type StepKey = 'snapshotMs' | 'parseAndExtractMs' | 'sanitizeMs' | 'totalMs';

/** The steps-alone figures of each run, with DOMParser + extractArticle taken together (Readability's parse does both). */
function stepSummary(samples: ReadingModeRuns, key: StepKey) {
  return summarize(
    samples.ours.map(({ steps: run }) => {
      const parseAndExtractMs = run.parseMs + run.extractMs;
      const values = { ...run, parseAndExtractMs, totalMs: run.snapshotMs + parseAndExtractMs + run.sanitizeMs };
      return values[key];
    }),
  );
}

/** Every timed figure of one page: the ones with a baseline compared with the bare reader, the others alone (ratio n/a). */
function readerComparisons(samples: ReadingModeRuns) {
  const ours = (key: keyof ReaderSample) => summarize(samples.ours.map((run) => Number(run[key])));
  const bare = (key: keyof BareSample) => summarize(samples.browser.map((run) => run[key]));
  const alone = (summary: ReturnType<typeof summarize>) => compare({ ours: summary, browser: summarize([]) }, null);
  return {
    painted: compare({ ours: ours('paintedMs'), browser: bare('paintedMs') }, TARGETS.reader),
    paintedVsCompute: compare({ ours: ours('paintedMs'), browser: bare('computeMs') }, null),
    lookPainted: compare({ ours: ours('lookPaintedMs'), browser: bare('paintedMs') }, null),
    frameInserted: alone(ours('frameInsertedMs')),
    reply: alone(ours('replyMs')),
    readerStart: alone(ours('readerStartMs')),
    readerDomContentLoaded: alone(ours('readerDomContentLoadedMs')),
    visible: alone(ours('visibleMs')),
    snapshot: alone(stepSummary(samples, 'snapshotMs')),
    extract: compare({ ours: stepSummary(samples, 'parseAndExtractMs'), browser: bare('parseMs') }, null),
    sanitize: compare({ ours: stepSummary(samples, 'sanitizeMs'), browser: bare('sanitizeMs') }, null),
    steps: compare({ ours: stepSummary(samples, 'totalMs'), browser: bare('computeMs') }, null),
  } satisfies Record<string, Compared>;
}

function readerSummary(samples: ReadingModeRuns) {
  return {
    ...readerComparisons(samples),
    lookAfterFirstFrame: samples.ours.filter((run) => run.lookAfterFirstFrame).length,
    runs: samples.ours.length,
    extractKind: samples.ours[0]?.steps.kind ?? null,
    extractTextLength: samples.ours[0]?.steps.textLength ?? 0,
    snapshotBytes: samples.ours[0]?.steps.snapshotBytes ?? 0,
    readabilityTextLength: samples.browser[0]?.textLength ?? 0,
    samples,
  };
}

export type ReaderSummary = ReturnType<typeof readerSummary>;

export function readingModeResult({ meti, large, lookCheck }: ReadingModeMeasurements) {
  return {
    meti: readerSummary(meti),
    large: readerSummary(large),
    metiAbsoluteTargetMs: TARGETS.readerMetiMs,
    lookCheckAt150: lookCheck.map(({ firstFontSize, finalFontSize, lookAfterFirstFrame, paintedMs, lookPaintedMs }) => ({
      firstFontSize,
      finalFontSize,
      lookAfterFirstFrame,
      paintedMs: round(paintedMs),
      lookPaintedMs: round(lookPaintedMs),
    })),
  };
}

export type ReadingModeResult = ReturnType<typeof readingModeResult>;
