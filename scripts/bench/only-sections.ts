/**
 * `npm run bench -- --only 9` (or `--only 9,13`): the listed sections alone, measured as in the full run and printed
 * in the same format under the same heading, to time one change before and after without running the whole bench.
 * Sections that stand alone: 2, 3 and 4 (measured together), 9, 10 and 13; every sample goes to
 * artifacts/bench-only.json (the full run's artifacts/bench.json is left as it was).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { calmFeaturesReport, calmFeaturesResult, measureCalmFeatures } from './calm-features.ts';
import type { BenchBrowsers } from './harness/browsers.ts';
import { setScaleForNewPages } from './harness/extension-storage.ts';
import { countElements } from './harness/pages.ts';
import { adjustmentsReport, adjustmentsResult, measureAdjustments } from './page-adjustments.ts';
import { appendReport, appendResult, measureLoadAndAppend, pageLoadReport, pageLoadResult } from './page-load.ts';
import { measureRuler, rulerReport, rulerResult } from './reading-ruler.ts';
import { alwaysOnLine, measureScriptSizes, scriptSizeResult } from './script-size.ts';
import { measureSizeChange, sizeChangeReport, sizeChangeResult } from './size-change.ts';

export const ONLY_RESULTS_FILE = 'artifacts/bench-only.json';

interface SectionRun {
  results: unknown;
  report: string[];
}

type SectionRunner = (browsers: BenchBrowsers, largePageElements: number) => Promise<SectionRun>;

const SECTIONS: Record<string, SectionRunner> = {
  '2': async ({ session, server }, elements) => {
    await setScaleForNewPages(session, 100);
    const results = sizeChangeResult(await measureSizeChange(session, server));
    return { results, report: sizeChangeReport(results, elements) };
  },
  '3,4': async ({ session, plain, server }) => {
    await setScaleForNewPages(session, 150);
    const load = await measureLoadAndAppend({ ours: session.context, browser: plain }, server);
    const results = { append: appendResult(load), pageLoad: pageLoadResult(load) };
    await setScaleForNewPages(session, 100);
    return { results, report: [...appendReport(results.append), ...pageLoadReport(results.pageLoad)] };
  },
  '9': async ({ session, server }, elements) => {
    await setScaleForNewPages(session, 100);
    const results = adjustmentsResult(await measureAdjustments(session, server));
    const alwaysOn = alwaysOnLine(scriptSizeResult(await measureScriptSizes()));
    return { results, report: adjustmentsReport(results, elements, alwaysOn) };
  },
  '10': async ({ session, server }, elements) => {
    await setScaleForNewPages(session, 100);
    const results = rulerResult(await measureRuler(session, server));
    return { results, report: rulerReport(results, elements) };
  },
  '13': async ({ session, server }, elements) => {
    await setScaleForNewPages(session, 100);
    const results = calmFeaturesResult(await measureCalmFeatures(session, server));
    return { results, report: calmFeaturesReport(results, elements) };
  },
};

/** The section keys `--only` names, in numbered order ("3" or "4" both mean the load section pair); throws on others. */
export function parseOnly(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const asked = (argv[at + 1] ?? '').split(',').filter((part) => part !== '');
  const keys = Object.keys(SECTIONS);
  const chosen = new Set<string>();
  for (const section of asked) {
    const key = keys.find((candidate) => candidate.split(',').includes(section));
    if (!key) throw new Error(`--only ${section}: not a section that runs alone (these do: ${keys.join(', ')})`);
    chosen.add(key);
  }
  if (chosen.size === 0) throw new Error(`--only needs section numbers, e.g. --only 9 (these run alone: ${keys.join(', ')})`);
  return keys.filter((key) => chosen.has(key));
}

/** Measures the chosen sections; returns their report lines in numbered order. */
export async function runSections(browsers: BenchBrowsers, sections: readonly string[]): Promise<string[]> {
  const elements = await countElements(browsers.plain, browsers.server, '/large.html');
  const results: Record<string, unknown> = {};
  const report: string[] = [];
  for (const section of sections) {
    const run = await SECTIONS[section](browsers, elements);
    results[section] = run.results;
    report.push(...run.report);
  }
  const file = resolve(import.meta.dirname, '../..', ONLY_RESULTS_FILE);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return [...report, '', `  JSON with every sample: ${ONLY_RESULTS_FILE}`, ''];
}
