#!/usr/bin/env node
/**
 * `npm test`: everything, in order: types, lint, unit tests, both builds,
 * Firefox's add-on linter, the content-script modules alone in both browsers
 * (middle tier), then the end-to-end tests in Chromium and Firefox.
 * Runs every step it can (a failing unit test does not hide a failing e2e
 * test) and ends with one line of totals.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', install: 'sudo apt-get install -y chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', install: 'sudo apt-get install -y firefox-esr' },
};

mkdirSync('artifacts', { recursive: true });
const results = [];
/** Failed tests by file and name, repeated under the summary: a CI log is often read from its end. */
const failures = [];
let passed = 0;
let failed = 0;

function failedTestNames(summary) {
  return summary.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => `${file.name.replace(`${process.cwd()}/`, '')} > ${test.fullName}: ${(test.failureMessages[0] ?? '').split('\n')[0]}`),
  );
}

function run(name, command, args, { report, needs } = {}) {
  if (needs && !needs()) {
    results.push({ name, ok: false, note: 'skipped: a step it depends on failed' });
    failed++;
    return false;
  }
  console.log(`\n━━ ${name} ━━ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { stdio: 'inherit', shell: false });
  const ok = outcome.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let note = `${seconds}s`;
  if (report && existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    note += `, ${summary.numPassedTests} passed, ${summary.numFailedTests} failed`;
    failures.push(...failedTestNames(summary));
  } else if (!ok) {
    failed++;
  }
  results.push({ name, ok, note });
  return ok;
}

function browserInstalled(name) {
  const browser = BROWSERS[name];
  if (existsSync(browser.path)) return true;
  console.error(`\n✗ ${name} is not installed (looked for ${browser.path}). Install it with: ${browser.install}`);
  results.push({ name: `${name} end-to-end`, ok: false, note: `${name} missing: ${browser.install}` });
  failed++;
  return false;
}

const npx = 'npx';
const vitestReport = (name) => ['--reporter=default', '--reporter=json', `--outputFile.json=artifacts/${name}.json`];

run('type check', npx, ['tsc', '--noEmit', '-p', '.']);
run('type check (tests)', npx, ['tsc', '--noEmit', '-p', 'tests']);
run('lint and format', npx, ['biome', 'check', '.']);
run('unit tests', npx, ['vitest', 'run', '--config', 'vitest.config.ts', ...vitestReport('unit')], { report: 'artifacts/unit.json' });
const built = run('build (Chrome and Firefox)', 'npm', ['run', 'build']);
run('always-on content script ≤ 10 KB gzip', 'node', ['scripts/check-content-script-size.mjs'], { needs: () => built });
// package.json's lint:firefox leaves out the unmodified DOMPurify and Readability chunks (see README).
run('web-ext lint (Firefox package)', 'npm', ['run', 'lint:firefox'], { needs: () => built });
// The middle tier: the content-script modules alone in both browsers (no extension, so no build needed).
if (existsSync(BROWSERS.chromium.path) && existsSync(BROWSERS.firefox.path)) {
  run(
    'modules in Chromium and Firefox (middle tier)',
    npx,
    ['vitest', 'run', '--config', 'tests/modules/vitest.config.ts', ...vitestReport('modules')],
    { report: 'artifacts/modules.json' },
  );
}
if (browserInstalled('chromium')) {
  run(
    'Chromium end-to-end',
    npx,
    ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', 'tests/e2e/chromium', ...vitestReport('e2e-chromium')],
    {
      report: 'artifacts/e2e-chromium.json',
      needs: () => built,
    },
  );
}
if (browserInstalled('firefox')) {
  run(
    'Firefox end-to-end',
    npx,
    ['vitest', 'run', '--config', 'tests/e2e/vitest.config.ts', 'tests/e2e/firefox', ...vitestReport('e2e-firefox')],
    {
      report: 'artifacts/e2e-firefox.json',
      needs: () => built,
    },
  );
}

console.log('\n━━ Summary ━━');
for (const { name, ok, note } of results) console.log(`${ok ? '✓' : '✗'} ${name} (${note})`);
if (failures.length > 0) console.log(`\nFailed tests:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}`);
const failedSteps = results.filter((result) => !result.ok).length;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
