/** Bench section 1: the always-on content script's size against its budget, and the scripts loaded only on demand. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { CHROME_DIST } from '../../tests/support/chromium.ts';
import { formatBytes, met } from './harness/format.ts';

const CONTENT_SCRIPT = 'src/content/main.iife.js';
export const TARGET_GZIP_BYTES = 10 * 1024;

/** Scripts that run in a page only while their feature is used: not part of the always-on budget, reported beside it. */
const ON_DEMAND_SCRIPTS = [
  'src/page-tools/adjustments/adjustments.iife.js',
  'src/page-tools/unclip/unclip.iife.js',
  'src/page-tools/line-focus/line-focus.iife.js',
  'src/page-tools/read-aloud/read-aloud.iife.js',
  'src/page-tools/page-button/page-button.iife.js',
  'src/reader/overlay/reader-overlay.iife.js',
];

interface ScriptBytes {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export type ScriptSizes = ScriptBytes & { onDemand: ScriptBytes[] };
export type ScriptSizeResult = ScriptSizes & { targetGzipBytes: number; met: boolean };

async function sizeOf(file: string): Promise<ScriptBytes> {
  const code = await readFile(join(CHROME_DIST, file));
  return { file: `dist/chrome/${file}`, bytes: code.length, gzipBytes: gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length };
}

export async function measureScriptSizes(): Promise<ScriptSizes> {
  const onDemand = await Promise.all(ON_DEMAND_SCRIPTS.map(sizeOf));
  return { ...(await sizeOf(CONTENT_SCRIPT)), onDemand };
}

export function scriptSizeResult(sizes: ScriptSizes): ScriptSizeResult {
  return { ...sizes, targetGzipBytes: TARGET_GZIP_BYTES, met: sizes.gzipBytes <= TARGET_GZIP_BYTES };
}

/** The always-on line, also repeated under section 9 (the adjustments' cost is weighed against it). */
export function alwaysOnLine(result: ScriptSizeResult): string {
  return `${result.file} ${formatBytes(result.gzipBytes)} gzip -9   target ≤ ${TARGET_GZIP_BYTES / 1024} KB gzip: ${met(result.met)}`;
}

export function scriptSizeReport(result: ScriptSizeResult): string[] {
  return [
    '',
    '1. Always-on content script',
    `  ${result.file}: ${formatBytes(result.bytes)} minified, ${formatBytes(result.gzipBytes)} gzip -9` +
      `   target ≤ ${TARGET_GZIP_BYTES / 1024} KB gzip: ${met(result.met)}`,
    '  loaded into a page only while their feature is used (not always on):',
    ...result.onDemand.map(
      ({ file, bytes, gzipBytes }) => `    ${file}: ${formatBytes(bytes)} minified, ${formatBytes(gzipBytes)} gzip -9`,
    ),
  ];
}
