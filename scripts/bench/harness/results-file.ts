/** What the heading of a bench run records (which build, which machine), and the JSON with every sample. */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { MEASURED, WARMUP } from './runs.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
export const RESULTS_FILE = 'artifacts/bench.json';

export interface BenchMeta {
  date: string;
  chromium: string;
  source: string;
  userAgent: string;
  cpus: number;
  node: string;
  warmup: number;
  measured: number;
  largePageElements: number;
  durationSeconds: number;
}

/** Which source was built: commit plus whether the working tree had changes (bench figures depend on it). */
export function sourceRevision(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/** The run's heading; `startedAt` gives its duration, so it is made when the measuring is over. */
export function benchMeta(run: {
  chromium: string;
  userAgent: string;
  source: string;
  largePageElements: number;
  startedAt: number;
}): BenchMeta {
  return {
    date: new Date().toISOString(),
    chromium: run.chromium,
    source: run.source,
    userAgent: run.userAgent,
    cpus: cpus().length,
    node: process.version,
    warmup: WARMUP,
    measured: MEASURED,
    largePageElements: run.largePageElements,
    durationSeconds: Math.round((Date.now() - run.startedAt) / 1000),
  };
}

export async function writeResults(results: unknown): Promise<void> {
  await mkdir(join(ROOT, 'artifacts'), { recursive: true });
  await writeFile(join(ROOT, RESULTS_FILE), `${JSON.stringify(results, null, 2)}\n`);
}
