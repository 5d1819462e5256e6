/** The printed bench report: a heading, then sections 1 to 13 in their numbered order (not the order they are measured in). */

import { calmFeaturesReport } from './calm-features.ts';
import { extractionReport } from './extraction-quality.ts';
import { firstFrameReport } from './first-frame.ts';
import { furiganaReport } from './furigana.ts';
import type { BenchMeta } from './harness/results-file.ts';
import { RESULTS_FILE } from './harness/results-file.ts';
import { MEASURED, WARMUP } from './harness/runs.ts';
import { hugePageReport } from './huge-page.ts';
import { adjustmentsReport } from './page-adjustments.ts';
import { appendReport, pageLoadReport } from './page-load.ts';
import { readingModeReport } from './reading-mode-report.ts';
import { rulerReport } from './reading-ruler.ts';
import type { BenchResults } from './results.ts';
import { alwaysOnLine, scriptSizeReport } from './script-size.ts';
import { sizeChangeReport } from './size-change.ts';
import { shareReport } from './text-share.ts';

export function heading(meta: BenchMeta): string[] {
  return [
    '',
    'EasyRead bench',
    `  Chromium ${meta.chromium} headless (Debian), ${meta.cpus} CPUs, Node ${meta.node}, ${meta.date}, ${meta.durationSeconds} s`,
    `  source: ${meta.source}`,
    `  Every time is the median of ${MEASURED} runs after ${WARMUP} warm-up runs (min–max in brackets); "browser" is the browser's own`,
    '  equivalent measured in the same run; ratio = EasyRead median / browser median. Targets are reported, never asserted.',
  ];
}

export function benchReport(results: BenchResults): string {
  const elements = results.meta.largePageElements;
  return [
    ...heading(results.meta),
    ...scriptSizeReport(results.scriptSize),
    ...sizeChangeReport(results.sizeChange, elements),
    ...appendReport(results.append),
    ...pageLoadReport(results.pageLoad),
    ...firstFrameReport(results.firstFrame),
    ...shareReport(results.share),
    ...readingModeReport(results.readingMode),
    ...extractionReport(results.extraction),
    ...adjustmentsReport(results.adjustments, elements, alwaysOnLine(results.scriptSize)),
    ...rulerReport(results.ruler, elements),
    ...hugePageReport(results.hugePage),
    ...furiganaReport(results.furigana),
    ...calmFeaturesReport(results.calmFeatures, elements),
    '',
    `  JSON with every sample: ${RESULTS_FILE}`,
    '',
  ].join('\n');
}
