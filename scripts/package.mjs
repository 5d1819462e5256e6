#!/usr/bin/env node
/** Store-ready zips of dist/chrome and dist/firefox in artifacts/ (run after `npm run build`). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const filename = `easyread-${target}-${version}.zip`;
  const outcome = spawnSync(
    'npx',
    ['web-ext', 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'artifacts', '--filename', filename, '--overwrite-dest'],
    { stdio: 'inherit' },
  );
  if (outcome.status !== 0) process.exit(outcome.status ?? 1);
  console.log(`✓ artifacts/${filename}`);
}
