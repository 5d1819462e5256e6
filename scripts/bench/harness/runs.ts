/** How each measure is repeated, and the bench's progress log (stderr, so stdout holds the report alone). */

export const WARMUP = 2;
export const MEASURED = 7;

/** EasyRead, or the browser's own equivalent measured beside it. */
export type Side = 'ours' | 'browser';

export type PerSide<T> = Record<Side, T[]>;

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Epoch milliseconds, comparable with performance.timeOrigin + performance.now() in the pages. */
export function nowEpoch(): number {
  return performance.timeOrigin + performance.now();
}

/** 2 warm-up + 7 measured iterations; the two sides alternate which goes first, so neither always runs on a warmer machine. */
export async function interleaved<R>(label: string, run: (side: Side) => Promise<R>): Promise<PerSide<R>> {
  const results: PerSide<R> = { ours: [], browser: [] };
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    log(`${label}: ${i < WARMUP ? `warm-up ${i + 1}/${WARMUP}` : `run ${i - WARMUP + 1}/${MEASURED}`}`);
    const order: Side[] = i % 2 === 0 ? ['ours', 'browser'] : ['browser', 'ours'];
    for (const side of order) {
      const result = await run(side);
      if (i >= WARMUP) results[side].push(result);
    }
  }
  return results;
}
