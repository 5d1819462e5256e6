/**
 * `npm run bench`: performance figures for the always-on part of EasyRead, each
 * next to the browser's own equivalent measured in the same run, in headless
 * Debian Chromium. Reports only: no timing assertion can fail (shared, noisy
 * machine); targets are printed with "met" / "NOT met".
 *
 * Two browsers run side by side (harness/browsers.ts): Chromium with the extension and
 * the same Chromium without it. One module per section; this file runs them in an order
 * that needs the fewest changes of the stored text size, then writes artifacts/bench.json
 * and prints the report (stdout; progress goes to stderr).
 */
import { measureCalmFeatures } from './calm-features.ts';
import { measureExtractionQuality } from './extraction-quality.ts';
import { measureFirstFrame } from './first-frame.ts';
import { furiganaBench } from './furigana.ts';
import { type BenchBrowsers, browserIdentity, launchBenchBrowsers } from './harness/browsers.ts';
import { replacePreferences, setGlobalScale, setScaleForNewPages } from './harness/extension-storage.ts';
import { countElements } from './harness/pages.ts';
import { benchMeta, sourceRevision, writeResults } from './harness/results-file.ts';
import { log } from './harness/runs.ts';
import { hugePageRuns } from './huge-page.ts';
import { parseOnly, runSections } from './only-sections.ts';
import { measureAdjustments } from './page-adjustments.ts';
import { measureLoadAndAppend } from './page-load.ts';
import { measureReadingMode } from './reading-mode.ts';
import { measureRuler } from './reading-ruler.ts';
import { benchReport, heading } from './report.ts';
import { type BenchMeasurements, benchResults } from './results.ts';
import { measureScriptSizes } from './script-size.ts';
import { measureSizeChange } from './size-change.ts';
import { measureLiveShares, measureLoadedShares } from './text-share.ts';

/** Sections 2, 9, 10, 13 and the live half of 6: every page loads with the stored size at 100% (the content script idle). */
async function measureWithSizeAt100({ session, server }: BenchBrowsers) {
  await setScaleForNewPages(session, 100);
  const sizeChange = await measureSizeChange(session, server);
  // 9. Page adjustments, each against a root font change in the same run (stored size still 100%).
  const adjustments = await measureAdjustments(session, server);
  // 13. Colour tint, stop motion and hide images, on and off, against the same root font change.
  const calmFeatures = await measureCalmFeatures(session, server);
  const ruler = await measureRuler(session, server);
  await replacePreferences(session, {});
  // 6a. Live change 100 → 150 (the same path as 2, checked for correctness).
  const liveShares = await measureLiveShares(session, server);
  return { sizeChange, adjustments, calmFeatures, ruler, liveShares };
}

/** Sections 3, 4, 5 and the loaded half of 6: pages load with the extension at 150%. */
async function measureLoadedAt150(browsers: BenchBrowsers) {
  const { session, plain, server } = browsers;
  await setScaleForNewPages(session, 150);
  const load = await measureLoadAndAppend({ ours: session.context, browser: plain }, server);
  const firstFrame = await measureFirstFrame(browsers);
  const loadedShares = await measureLoadedShares(browsers);
  const largePageElements = await countElements(plain, server, '/large.html');
  return { load, firstFrame, loadedShares, largePageElements };
}

async function measureEverything(
  browsers: BenchBrowsers,
): Promise<{ measured: Omit<BenchMeasurements, 'scriptSizes'>; largePageElements: number }> {
  const { session, server } = browsers;
  const atSize100 = await measureWithSizeAt100(browsers);
  const { largePageElements, ...at150 } = await measureLoadedAt150(browsers);
  // 7. Reading mode, with the stored size back at 100% and default reader preferences.
  const readingMode = await measureReadingMode(browsers);
  const extraction = await measureExtractionQuality(session, server);
  // 11. A 200,000-element page: the longest task of ours and the text on screen, against the browser's zoom.
  const hugePage = await hugePageRuns(session, server, (percent) => setGlobalScale(session, percent), log);
  // 12. Furigana: last, so that its first annotation is cold (nothing before it reads the dictionary).
  const furigana = await furiganaBench(session, server, log);
  return { measured: { ...atSize100, ...at150, readingMode, extraction, hugePage, furigana }, largePageElements };
}

/** `--only 9,13`: those sections alone, under the same heading (only-sections.ts). */
async function mainOnly(sections: readonly string[]): Promise<void> {
  const startedAt = Date.now();
  const source = sourceRevision();
  log(`launching Chromium with the extension and Chromium without it (sections ${sections.join(', ')} only)`);
  const browsers = await launchBenchBrowsers();
  try {
    const { version, userAgent } = await browserIdentity(browsers);
    const report = await runSections(browsers, sections);
    const meta = benchMeta({ chromium: version, userAgent, source, largePageElements: 0, startedAt });
    process.stdout.write([...heading(meta), ...report].join('\n'));
  } finally {
    await browsers.close();
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const source = sourceRevision(); // read before the run: the working tree may change while it runs
  const scriptSizes = await measureScriptSizes();
  log('launching Chromium with the extension and Chromium without it');
  const browsers = await launchBenchBrowsers();
  try {
    const { version, userAgent } = await browserIdentity(browsers);
    const { measured, largePageElements } = await measureEverything(browsers);
    const meta = benchMeta({ chromium: version, userAgent, source, largePageElements, startedAt });
    const results = benchResults({ scriptSizes, ...measured }, meta);
    await writeResults(results);
    process.stdout.write(benchReport(results));
  } finally {
    await browsers.close();
  }
}

const only = parseOnly(process.argv.slice(2));
await (only ? mainOnly(only) : main());
