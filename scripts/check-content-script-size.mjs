#!/usr/bin/env node
/**
 * The always-on content script runs on every page a user opens on sites they
 * allowed: it must stay within 10 KB gzip (-9), in both packages. Run after
 * the build (npm test does).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 10 * 1024;
let over = false;
for (const target of ['chrome', 'firefox']) {
  const file = `dist/${target}/src/content/main.iife.js`;
  const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
  over ||= bytes > BUDGET;
  console.log(`${bytes > BUDGET ? '✗' : '✓'} ${file}: ${bytes} B gzip (budget ${BUDGET} B)`);
}
process.exit(over ? 1 : 0);
