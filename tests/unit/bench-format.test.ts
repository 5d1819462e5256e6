import { describe, expect, it } from 'vitest';
import { comparedRow, formatBytes, formatMs, formatPercent, met, table } from '../../scripts/bench/harness/format';
import { compare, summarize } from '../../scripts/bench/harness/stats';

describe('bench figures as printed', () => {
  it('prints milliseconds with their range, one decimal under 100 ms and none from 100 ms', () => {
    expect(formatMs(summarize([12.34, 8, 99.96]))).toBe('12.3 ms (8.0–100)');
    expect(formatMs(summarize([1459, 1245, 2015]))).toBe('1459 ms (1245–2015)');
    expect(formatMs(summarize([]))).toBe('n/a');
  });

  it('prints bytes with their KB and shares as percentages', () => {
    expect(formatBytes(9805)).toBe('9,805 B (9.58 KB)');
    expect(formatPercent(0.9995)).toBe('100.0%');
    expect(formatPercent(0.5)).toBe('50.0%');
    expect(met(true)).toBe('met');
    expect(met(false)).toBe('NOT met');
  });

  it('prints a compared row with its ratio, target and verdict, or (info) and n/a', () => {
    const pair = { ours: summarize([150]), browser: summarize([100]) };
    expect(comparedRow('load', compare(pair, 1.2))).toEqual(['load', '150 ms (150–150)', '100 ms (100–100)', '1.50×', '≤ 1.2×', 'NOT met']);
    const alone = compare({ ours: summarize([5]), browser: summarize([]) }, null);
    expect(comparedRow('t0 → reply', alone)).toEqual(['t0 → reply', '5.0 ms (5.0–5.0)', 'n/a', 'n/a', '(info)', '']);
  });
});

describe('bench tables', () => {
  it('pads every column to its widest cell, two spaces apart, with a rule under the header', () => {
    const printed = table(
      ['page', 'share', ''],
      [
        ['/large.html', '100.0%', 'met'],
        ['/m', '9.5%', ''],
      ],
    );
    expect(printed.split('\n')).toEqual([
      '  page         share',
      '  -----------  ------  ---',
      '  /large.html  100.0%  met',
      '  /m           9.5%',
    ]);
  });

  it('indents every line by two spaces and trims trailing spaces', () => {
    const printed = table(['a', 'b'], [['long cell', '']]);
    for (const line of printed.split('\n')) {
      expect(line.startsWith('  ')).toBe(true);
      expect(line).toBe(line.trimEnd());
    }
  });
});
