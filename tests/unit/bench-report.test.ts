/**
 * The bench's results and report from made-up measurements: every section is printed, in its numbered order, and
 * artifacts/bench.json keeps its keys (pure code only; `npm run bench` itself measures in browsers).
 */
import { describe, expect, it } from 'vitest';
import { benchReport } from '../../scripts/bench/report';
import { type BenchMeasurements, benchResults } from '../../scripts/bench/results';
import { EXTRACTION_FIXTURES } from '../support/extraction-fixtures';

const sides = <O, B>(ours: O, browser: B) => ({ ours: [ours, ours, ours], browser: [browser, browser, browser] });
const change = (ms: number) => ({
  mainThreadMs: ms,
  styleMs: ms / 4,
  layoutMs: ms / 2,
  otherMs: ms / 4,
  forcedMs: ms / 2,
  paintedMs: ms * 2,
});
const share = { textElements: 10, scaled: 10, share: 1, misses: [] };
const append = { ms: 20, elements: 1000, textElements: 600, pinnedAfterMicrotask: 600, rulesBefore: 12, rulesAfter: 14 };
const load = { mainThreadMs: 300, loadEventEnd: 400, fcp: 150, domContentLoaded: 350, appendFirst: append, appendRepeat: append };
const steps = { snapshotMs: 2, parseMs: 5, extractMs: 10, sanitizeMs: 4, kind: 'article', textLength: 3000, snapshotBytes: 40_000 };
const reader = {
  frameInsertedMs: 10,
  readerStartMs: 20,
  readerDomContentLoadedMs: 30,
  visibleMs: 50,
  paintedMs: 60,
  lookPaintedMs: 60,
  replyMs: 15,
  lookAfterFirstFrame: false,
  firstFontSize: 20,
  finalFontSize: 20,
};
const bare = { parseMs: 12, sanitizeMs: 3, computeMs: 15, paintedMs: 40, textLength: 2900 };
const scores = { precision: 0.9, recall: 0.8, f1: 0.85 };

function measurements(): BenchMeasurements {
  return {
    scriptSizes: { file: 'dist/chrome/src/content/main.iife.js', bytes: 29_000, gzipBytes: 9_800, onDemand: [] },
    sizeChange: sides({ first: change(100), step: change(80) }, { first: change(120), step: change(90) }),
    adjustments: { colours: sides(change(50), change(60)), font: sides(change(70), change(60)) },
    ruler: sides({ mainThreadMs: 120 }, { mainThreadMs: 100 }),
    liveShares: { large: share, meti: share },
    load: sides(load, { ...load, loadEventEnd: 380 }),
    firstFrame: {
      expectedSizes: { heading: 48 },
      samples: sides(
        { firstFrameAt: 90, appliedAt: 90, fcp: 95, scaledInFirstFrame: true },
        { firstFrameAt: 88, appliedAt: null, fcp: 93, scaledInFirstFrame: false },
      ),
    },
    loadedShares: {
      large: { loaded: share, rootFontSize: share, browserFontSetting: share },
      meti: { loaded: share, rootFontSize: share, browserFontSetting: share },
    },
    readingMode: { meti: sides({ ...reader, steps }, bare), large: sides({ ...reader, steps }, bare), lookCheck: [reader] },
    extraction: {
      jsdom: EXTRACTION_FIXTURES.map((page) => ({ page, kind: 'article' as const, expectedTokens: 100, scores, jsdomMs: 1 })),
      shown: EXTRACTION_FIXTURES.map((page) => ({ page, scores })),
    },
    hugePage: sides({ onScreenMs: 700, longestTaskMs: 90, tasksOver50: 2, allDoneMs: 1000 }, { onScreenMs: 900, longestTaskMs: 800 }),
    furigana: {
      packageBytes: { dictionary: 17_000_000, code: 50_000 },
      firstAnnotationColdMs: 1200,
      firstAnnotationWarmMs: [300],
      msPer10kChars: [400],
      analyzerMemoryMB: 97,
      largePage: { chars: 60_000, allDoneMs: 15_000, longestTaskMs: 85, tasksOver50: 3 },
    },
    calmFeatures: {
      tint: sides({ on: change(30), off: change(20) }, change(60)),
      stopMotion: sides({ on: change(90), off: change(45) }, change(60)),
      hideImages: sides({ on: change(40), off: change(40) }, change(80)),
    },
  };
}

const meta = {
  date: '2026-12-03T00:00:00.000Z',
  chromium: '156',
  source: 'abc1234',
  userAgent: 'test',
  cpus: 2,
  node: 'v20',
  warmup: 2,
  measured: 7,
  largePageElements: 20_007,
  durationSeconds: 1,
};

describe('bench results and report', () => {
  const results = benchResults(measurements(), meta);

  it('keeps the keys of artifacts/bench.json in their order', () => {
    expect(Object.keys(results)).toEqual([
      'meta',
      'scriptSize',
      'sizeChange',
      'append',
      'pageLoad',
      'firstFrame',
      'share',
      'readingMode',
      'extraction',
      'adjustments',
      'hugePage',
      'ruler',
      'furigana',
      'calmFeatures',
    ]);
  });

  it('prints sections 1 to 13 in order, each once', () => {
    const headings = benchReport(results)
      .split('\n')
      .flatMap((line) => line.match(/^(\d+)\. /)?.[1] ?? []);
    expect(headings).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
  });

  it('prints the figures it was given, with the ratio and the verdict', () => {
    const report = benchReport(results);
    expect(report).toContain(
      '  100→150 main thread                 100 ms (100–100)            120 ms (120–120)           0.83×  ≤ 1.5×  met',
    );
    expect(report).toContain('  /large.html         100.0% (10/10)   100.0% (10/10)  100.0% (10/10)  100.0% (10/10)   met');
    expect(report).toContain('  per move (medians): 2.00 ms with the ruler, 1.67 ms without.');
    expect(report).toContain(
      '  main thread against the root font change: colour tint 0.50× on, 0.33× off; stop motion 1.50× on, 0.75× off;',
    );
    expect(report.trimEnd().endsWith('JSON with every sample: artifacts/bench.json')).toBe(true);
  });
});
