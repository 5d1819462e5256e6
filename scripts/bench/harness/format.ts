/** How the bench prints its figures: milliseconds with their range, bytes, shares, and fixed-width tables. */
import type { Compared, Summary } from './stats.ts';

export function formatMs(summary: Summary): string {
  if (Number.isNaN(summary.median)) return 'n/a';
  return `${fixed(summary.median)} ms (${fixed(summary.min)}–${fixed(summary.max)})`;
}

/** One decimal below 100, none above: the noise of a shared machine is larger than that. */
function fixed(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(2)} KB)`;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

export function met(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

/** Fixed-width table: every column left-aligned (values are pre-formatted strings), indented by two spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const rule = widths
    .map((width) => '-'.repeat(width))
    .join('  ')
    .trimEnd();
  return [line(header), rule, ...rows.map(line)].map((text) => `  ${text}`).join('\n');
}

export const COMPARED_HEADER = ['measure', 'EasyRead (median, min–max)', 'browser (median, min–max)', 'ratio', 'target', ''];

/** A table row for one measure: both medians with their range, the ratio, the target and whether it was met. */
export function comparedRow(label: string, pair: Compared): string[] {
  return [
    label,
    formatMs(pair.ours),
    formatMs(pair.browser),
    Number.isFinite(pair.ratio) ? `${pair.ratio.toFixed(2)}×` : 'n/a',
    pair.target === null ? '(info)' : `≤ ${pair.target}×`,
    pair.met === null ? '' : met(pair.met),
  ];
}
