/**
 * Everything a bench run measured, turned into the results written to artifacts/bench.json (every sample kept
 * beside its summary) and printed. Pure: the same measurements always give the same results.
 */

import { type CalmMeasurements, calmFeaturesResult } from './calm-features.ts';
import { type ExtractionMeasurements, extractionResult } from './extraction-quality.ts';
import type { FirstFrameRuns } from './first-frame.ts';
import { firstFrameResult } from './first-frame.ts';
import type { FuriganaBenchResult } from './furigana.ts';
import type { BenchMeta } from './harness/results-file.ts';
import type { PerSide } from './harness/runs.ts';
import { type HugePageSample, hugePageResult } from './huge-page.ts';
import { type AdjustmentMeasurements, adjustmentsResult } from './page-adjustments.ts';
import { appendResult, type LoadSample, pageLoadResult } from './page-load.ts';
import { type ReadingModeMeasurements, readingModeResult } from './reading-mode.ts';
import { type RulerSample, rulerResult } from './reading-ruler.ts';
import { type ScriptSizes, scriptSizeResult } from './script-size.ts';
import { type SizeChangeRun, sizeChangeResult } from './size-change.ts';
import { type LiveShares, type LoadedShares, shareResult } from './text-share.ts';

export interface BenchMeasurements {
  scriptSizes: ScriptSizes;
  sizeChange: PerSide<SizeChangeRun>;
  adjustments: AdjustmentMeasurements;
  ruler: PerSide<RulerSample>;
  liveShares: LiveShares;
  load: PerSide<LoadSample>;
  firstFrame: FirstFrameRuns;
  loadedShares: LoadedShares;
  readingMode: ReadingModeMeasurements;
  extraction: ExtractionMeasurements;
  hugePage: PerSide<HugePageSample>;
  furigana: FuriganaBenchResult;
  calmFeatures: CalmMeasurements;
}

/** The keys in the order artifacts/bench.json has always had them (readers of older files compare by eye). */
export function benchResults(measured: BenchMeasurements, meta: BenchMeta) {
  return {
    meta,
    scriptSize: scriptSizeResult(measured.scriptSizes),
    sizeChange: sizeChangeResult(measured.sizeChange),
    append: appendResult(measured.load),
    pageLoad: pageLoadResult(measured.load),
    firstFrame: firstFrameResult(measured.firstFrame),
    share: shareResult(measured.liveShares, measured.loadedShares),
    readingMode: readingModeResult(measured.readingMode),
    extraction: extractionResult(measured.extraction),
    adjustments: adjustmentsResult(measured.adjustments),
    hugePage: hugePageResult(measured.hugePage),
    ruler: rulerResult(measured.ruler),
    furigana: measured.furigana,
    calmFeatures: calmFeaturesResult(measured.calmFeatures),
  };
}

export type BenchResults = ReturnType<typeof benchResults>;
