import { describe, expect, it } from 'vitest';
import { shareScaled } from '../../scripts/bench/scaled-share';

describe('share of text elements at the chosen size (bench section 6)', () => {
  const base = { labels: ['h1', 'p', 'li', 'td'], sizes: [32, 16, 16, 13] };

  it('counts the elements within 0.1 px of their base size times the factor', () => {
    const result = shareScaled(base, { labels: base.labels, sizes: [48, 24.05, 24, 19.5] }, 1.5);
    expect(result).toEqual({ textElements: 4, scaled: 4, share: 1, misses: [] });
  });

  it('names the elements that missed, with their sizes and the size wanted', () => {
    const result = shareScaled(base, { labels: base.labels, sizes: [48, 24.2, 16, 19.5] }, 1.5);
    expect(result.scaled).toBe(2);
    expect(result.share).toBe(0.5);
    expect(result.misses).toEqual(['p 16px → 24.2px (want 24)', 'li 16px → 16px (want 24)']);
  });

  it('keeps at most 8 examples of misses', () => {
    const many = { labels: Array.from({ length: 12 }, (_, i) => `p${i}`), sizes: Array(12).fill(10) };
    const result = shareScaled(many, { labels: many.labels, sizes: Array(12).fill(10) }, 1.5);
    expect(result.scaled).toBe(0);
    expect(result.misses).toHaveLength(8);
  });

  it('refuses two readings of different elements', () => {
    expect(() => shareScaled(base, { labels: ['h1', 'p', 'li'], sizes: [48, 24, 24] }, 1.5)).toThrow(/differ between the two pages/);
    expect(() => shareScaled(base, { labels: ['h1', 'p', 'li', 'th'], sizes: [48, 24, 24, 19.5] }, 1.5)).toThrow(/differ/);
  });
});
