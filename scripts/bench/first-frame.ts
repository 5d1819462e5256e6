/** Bench section 5: the first frame of /meti-release.html loaded with EasyRead at 150%, against no extension. */
import type { BrowserContext } from 'playwright-core';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import type { BenchBrowsers } from './harness/browsers.ts';
import { NAME_SHIM } from './harness/browsers.ts';
import { COMPARED_HEADER, comparedRow, formatMs, table } from './harness/format.ts';
import { openPage } from './harness/pages.ts';
import { interleaved, log, type PerSide } from './harness/runs.ts';
import { compareField, present, round, summarize } from './harness/stats.ts';
import { firstFrameRecorder, probeSizes, readFirstFrame } from './in-page.ts';
import { compareFcp } from './page-load.ts';
import { SIZE_TOLERANCE_PX } from './scaled-share.ts';

const PATH = '/meti-release.html';

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
  const page = await openPage(context, server, PATH, recorderScript(expected));
  const result = await page.evaluate(readFirstFrame);
  await page.close();
  if (!result.firstFrame || result.firstFrameAt === null) throw new Error(`no first-frame probe on ${PATH}`);
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

export interface FirstFrameRuns {
  /** The probes' sizes EasyRead's side waits for: the page's own (measured without the extension) × 1.5. */
  expectedSizes: Record<string, number>;
  samples: PerSide<FirstFrameSample>;
}

/** Expects the stored size at 150% for new pages. */
export async function measureFirstFrame({ session, plain, server }: BenchBrowsers): Promise<FirstFrameRuns> {
  log(`5/11 first frame on ${PATH}`);
  const calibration = await openPage(plain, server, PATH);
  const baseSizes = await calibration.evaluate(probeSizes);
  await calibration.close();
  const expectedSizes = Object.fromEntries(Object.entries(baseSizes).map(([probe, size]) => [probe, round(size * 1.5, 3)]));
  const samples = await interleaved(`5/11 first frame on ${PATH}`, (side) =>
    side === 'ours' ? firstFrameRun(session.context, server, expectedSizes) : firstFrameRun(plain, server, baseSizes),
  );
  return { expectedSizes, samples };
}

export function firstFrameResult({ expectedSizes, samples }: FirstFrameRuns) {
  return {
    firstFrameAt: compareField(samples, (run) => run.firstFrameAt),
    oursSizeAppliedAt: summarize(present(samples.ours.map((run) => run.appliedAt))),
    oursScaledInFirstFrame: samples.ours.filter((run) => run.scaledInFirstFrame).length,
    runs: samples.ours.length,
    fcp: compareFcp(samples, null),
    expectedSizes,
    samples,
  };
}

export function firstFrameReport(firstFrame: ReturnType<typeof firstFrameResult>): string[] {
  const allScaled = firstFrame.oursScaledInFirstFrame === firstFrame.runs;
  return [
    '',
    `5. First frame of ${PATH} (EasyRead at 150% vs no extension)`,
    "  method: an init script times the page's own first-rAF probe (window.__firstFrame) and, in a rAF loop on both sides, the first",
    '    frame in which every [data-probe] element has its expected size (×1.5 for EasyRead); ms from navigation start.',
    table(COMPARED_HEADER, [
      comparedRow('first frame (first rAF)', firstFrame.firstFrameAt),
      comparedRow('first contentful paint', firstFrame.fcp),
    ]),
    `  size applied at (EasyRead): ${formatMs(firstFrame.oursSizeAppliedAt)} after navigation start`,
    `  first frame already scaled: ${allScaled ? 'yes' : 'NO'} (${firstFrame.oursScaledInFirstFrame}/${firstFrame.runs} runs)`,
  ];
}
