/**
 * Dev probe (not part of `npm run bench`): what one stylesheet costs when appended to /large.html in the browser
 * alone (no extension), beside the root font change that sections 9 and 13 compare with: the forced style and
 * layout time from the page, and the CDP style / layout counters. Finds which rule of an adjustment costs what:
 *   tsx scripts/bench/probe-css-cost.mts                       our colours and font sheets, and the font by inheritance
 *   VARIANTS='{"name":"css text", "root":null}' REPS=7 tsx …   any variants (null = the root font change)
 *   MEASURE=remove tsx …                                       taking each away again from the settled page
 * A fresh tab per sample; medians. On a shared machine run enough REPS, and compare only within one run.
 */
import { chromium } from 'playwright-core';
import { css as colourCss } from '../../src/features/page-colours.ts';
import { FONT_STACKS, css as fontCss } from '../../src/features/page-font.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/support/chromium.ts';
import { startFixtureServer } from '../../tests/support/fixture-server.ts';
import { NAME_SHIM } from './harness/browsers.ts';
import { settle } from './in-page.ts';

const NS = '@namespace svg url(http://www.w3.org/2000/svg);\n@namespace math url(http://www.w3.org/1998/Math/MathML);';
const layered = (rules: string) => `@layer xa, x;\n${NS}\n@layer xa{\n${rules}\n}`;

const variants: Record<string, string | null> = JSON.parse(process.env.VARIANTS ?? 'null') ?? {
  root: null,
  colours: layered(colourCss({ pageColours: 'yellow-on-black' })),
  font: layered(fontCss({ pageFont: 'system-serif' })),
  // The same font on <body> alone, reaching the text by inheritance: the relayout any font change costs.
  'font on body only': layered(`body{font-family:${FONT_STACKS['system-serif']}!important}`),
};
const reps = Number(process.env.REPS ?? 5);

/** MEASURE=remove times taking each sheet away from the settled page instead of putting it there (switching off). */
const removing = process.env.MEASURE === 'remove';

/** In the page: the change, then a forced style and layout; returns its time. */
function applyChange(text: string | null): number {
  const t0 = performance.now();
  if (text === null) document.documentElement.style.fontSize = '150%';
  else {
    const style = document.createElement('style');
    style.className = 'probed';
    style.textContent = text;
    document.documentElement.append(style);
  }
  void document.body.offsetHeight;
  return performance.now() - t0;
}

function undoChange(text: string | null): number {
  const t0 = performance.now();
  if (text === null) document.documentElement.style.fontSize = '';
  else document.querySelector('style.probed')?.remove();
  void document.body.offsetHeight;
  return performance.now() - t0;
}

const server = await startFixtureServer();
const context = await chromium.launchPersistentContext('', {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: CHROMIUM_ARGS,
});
await context.addInitScript({ content: NAME_SHIM });
const results: Record<string, number[][]> = {};
for (let i = 0; i < reps; i++) {
  for (const [name, cssText] of Object.entries(variants)) {
    const page = await context.newPage();
    await page.goto(server.url('/large.html'), { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.evaluate(settle);
    const m = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    if (removing) {
      // The change timed is taking the sheet (or the root font size) away again: put it in place and let it settle first.
      await page.evaluate(applyChange, cssText);
      await page.evaluate(settle);
    }
    const before = await m();
    const forced = await page.evaluate(removing ? undoChange : applyChange, cssText);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const after = await m();
    const d = (k: string) => (after[k] - before[k]) * 1000;
    results[name] ??= [];
    results[name].push([forced, d('TaskDuration'), d('RecalcStyleDuration'), d('LayoutDuration')]);
    await page.close();
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('variant'.padEnd(28), 'forced  task  style  layout (ms, medians)');
for (const [name, rows] of Object.entries(results)) {
  const col = (k: number) =>
    median(rows.map((r) => r[k]))
      .toFixed(0)
      .padStart(6);
  console.log(name.padEnd(28), col(0), col(1), col(2), col(3));
}
await context.close();
await server.close();
