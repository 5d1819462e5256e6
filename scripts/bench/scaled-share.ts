/** Which text elements reached the chosen size: the count behind bench section 6 (pure, unit-tested). */
import { round } from './harness/stats.ts';

/** A computed size within this of the expected one counts as reached. */
export const SIZE_TOLERANCE_PX = 0.1;

export interface ShareResult {
  textElements: number;
  scaled: number;
  share: number;
  /** Up to 8 examples of elements that did not reach the factor: label, original px, actual px. */
  misses: string[];
}

/** Text elements' computed sizes in document order, labelled so the two readings can be matched. */
export interface TextSizes {
  labels: string[];
  sizes: number[];
}

/** How many of the text elements are at `factor` × their base size; the pages must hold the same elements. */
export function shareScaled(base: TextSizes, actual: TextSizes, factor: number): ShareResult {
  if (base.labels.length !== actual.labels.length || base.labels.some((label, i) => label !== actual.labels[i])) {
    throw new Error(`text elements differ between the two pages (${base.labels.length} vs ${actual.labels.length})`);
  }
  let scaled = 0;
  const misses: string[] = [];
  base.sizes.forEach((size, i) => {
    if (Math.abs(actual.sizes[i] - size * factor) <= SIZE_TOLERANCE_PX) scaled++;
    else if (misses.length < 8) misses.push(`${base.labels[i]} ${size}px → ${actual.sizes[i]}px (want ${round(size * factor, 2)})`);
  });
  return { textElements: base.sizes.length, scaled, share: scaled / base.sizes.length, misses };
}
