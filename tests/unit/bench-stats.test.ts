import { describe, expect, it } from 'vitest';
import { compare, compareField, finite, meanOf, median, present, ratioOf, round, summarize } from '../../scripts/bench/harness/stats';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('summarizes samples as median, min and max to one decimal, keeping the samples in run order', () => {
    expect(summarize([12.34, 3.21, 7.77])).toEqual({ median: 7.8, min: 3.2, max: 12.3, samples: [12.3, 3.2, 7.8] });
  });

  it('summarizes no samples as NaN, which the report prints as n/a', () => {
    const none = summarize([]);
    expect(none.median).toBeNaN();
    expect(none.min).toBeNaN();
    expect(none.max).toBeNaN();
    expect(none.samples).toEqual([]);
  });

  it('rounds to the digits asked for', () => {
    expect(round(1.2345)).toBe(1.2);
    expect(round(1.2355, 2)).toBe(1.24);
    expect(round(-0.06)).toBe(-0.1);
  });

  it('gives the ratio of medians, ours over the browser’s, to two decimals', () => {
    expect(ratioOf(summarize([2, 3, 4]), summarize([6, 9]))).toBe(0.4);
    expect(ratioOf(summarize([3]), summarize([]))).toBeNaN();
  });

  it('meets a target at or under it, and has no verdict without a target', () => {
    const pair = { ours: summarize([150]), browser: summarize([100]) };
    expect(compare(pair, 1.5)).toMatchObject({ ratio: 1.5, target: 1.5, met: true });
    expect(compare(pair, 1.2)).toMatchObject({ ratio: 1.5, met: false });
    expect(compare(pair, null)).toMatchObject({ ratio: 1.5, target: null, met: null });
  });

  it('gives no verdict when a side has no figure to compare', () => {
    expect(compare({ ours: summarize([]), browser: summarize([100]) }, 1.5)).toMatchObject({ target: 1.5, met: null });
  });

  it('compares one field of each side’s samples', () => {
    const samples = { ours: [{ ms: 10 }, { ms: 30 }, { ms: 20 }], browser: [{ ms: 40 }, { ms: 40 }] };
    const compared = compareField(samples, (run) => run.ms, 1);
    expect(compared.ours.median).toBe(20);
    expect(compared.browser.median).toBe(40);
    expect(compared).toMatchObject({ ratio: 0.5, met: true });
  });

  it('averages values and keeps only the measured ones', () => {
    expect(meanOf([1, 2, 6])).toBe(3);
    expect(present([3, null, 0, null])).toEqual([3, 0]);
    expect(finite([3, Number.NaN, 0])).toEqual([3, 0]);
  });
});
