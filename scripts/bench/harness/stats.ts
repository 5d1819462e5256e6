/** Statistics of the bench's samples: medians with their range, and EasyRead's median against the browser's. Reporting only. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** EasyRead's figures beside the browser's own equivalent, with the ratio of medians and the target it is held to (if any). */
export interface Compared {
  ours: Summary;
  browser: Summary;
  ratio: number;
  target: number | null;
  met: boolean | null;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The middle value (the mean of the two middle ones for an even count); NaN for no values. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: round(median(samples)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
    // Not map(round): map passes the index as round's digits, so sample i was kept to i decimals.
    samples: samples.map((value) => round(value)),
  };
}

/** Ratio of medians, ours / browser's. */
export function ratioOf(ours: Summary, browser: Summary): number {
  return round(ours.median / browser.median, 2);
}

/** A pair of summaries with its ratio; `met` only when there is a target and a ratio to hold to it (at or under it). */
export function compare(pair: { ours: Summary; browser: Summary }, target: number | null): Compared {
  const ratio = ratioOf(pair.ours, pair.browser);
  return { ...pair, ratio, target, met: target === null || !Number.isFinite(ratio) ? null : ratio <= target };
}

/** Summaries of one numeric field of each side's samples, compared. */
export function compareField<T>(samples: { ours: T[]; browser: T[] }, read: (sample: T) => number, target: number | null = null): Compared {
  return compare({ ours: summarize(samples.ours.map(read)), browser: summarize(samples.browser.map(read)) }, target);
}

export function meanOf(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The values that are numbers (NaN marks a figure that could not be observed in that run). */
export function finite(values: number[]): number[] {
  return values.filter(Number.isFinite);
}

/** The values that were measured (null where a browser gave none, such as a missing paint entry). */
export function present(values: (number | null)[]): number[] {
  return values.flatMap((value) => (value === null ? [] : [value]));
}
