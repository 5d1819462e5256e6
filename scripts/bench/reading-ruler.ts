/** Bench section 10: the reading ruler following the pointer on /large.html, against the same moves with nothing on. */
import type { ExtensionSession } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { replacePreferences } from './harness/extension-storage.ts';
import { COMPARED_HEADER, comparedRow, formatCount, table } from './harness/format.ts';
import { cdpMetrics, metricDeltaMs, openSettledPageWithMetrics } from './harness/pages.ts';
import { interleaved, type PerSide, type Side } from './harness/runs.ts';
import { compareField } from './harness/stats.ts';
import { nextFrameRendered } from './in-page.ts';

/** Pointer moves, one per rendered frame, down the middle of the page. */
const RULER_MOVES = 60;

export interface RulerSample {
  /** Main-thread busy time (CDP TaskDuration delta) over all the moves. */
  mainThreadMs: number;
}

/** Our ruler is a `<token>-l` element (src/content/page-names.ts), found by shape. */
function hasRuler(): boolean {
  return [...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]+-l$/.test(element.localName));
}

/**
 * The same pointer moves over /large.html with the reading ruler on (ours)
 * and with nothing on (browser: what the page itself costs per move).
 */
async function rulerRun(session: ExtensionSession, server: FixtureServer, side: Side): Promise<RulerSample> {
  await replacePreferences(session, side === 'ours' ? { pageLineFocus: true } : {});
  const { page, cdp } = await openSettledPageWithMetrics(session.context, server, '/large.html');
  const ruler = await page.waitForFunction(hasRuler, undefined, { timeout: side === 'ours' ? 10_000 : 1 }).catch(() => null);
  if ((ruler !== null) !== (side === 'ours')) throw new Error(`${side}: the reading ruler is ${ruler ? 'on' : 'off'}`);
  await page.mouse.move(400, 80);
  await page.evaluate(nextFrameRendered);
  const before = await cdpMetrics(cdp);
  for (let i = 0; i < RULER_MOVES; i++) {
    await page.mouse.move(400, 80 + i * 11);
    await page.evaluate(nextFrameRendered);
  }
  const after = await cdpMetrics(cdp);
  await cdp.detach();
  await page.close();
  return { mainThreadMs: metricDeltaMs(before, after, 'TaskDuration') };
}

export function measureRuler(session: ExtensionSession, server: FixtureServer): Promise<PerSide<RulerSample>> {
  return interleaved('10/11 reading ruler following the pointer on /large.html', (side) => rulerRun(session, server, side));
}

export function rulerResult(samples: PerSide<RulerSample>) {
  return { moves: RULER_MOVES, mainThread: compareField(samples, (run) => run.mainThreadMs), samples };
}

export function rulerReport(ruler: ReturnType<typeof rulerResult>, largePageElements: number): string[] {
  const perMove = (ms: number) => (ms / ruler.moves).toFixed(2);
  return [
    '',
    `10. Reading ruler following the pointer on /large.html (${formatCount(largePageElements)} elements)`,
    `  method: ${ruler.moves} pointer moves down the page, each followed by a rendered frame; CDP TaskDuration delta over`,
    '    all of them. EasyRead = the ruler on (stored pageLineFocus); browser = the same moves with nothing on (the page and the',
    '    browser alone). Ratio = how much more main-thread work the ruler adds per move.',
    table(COMPARED_HEADER, [comparedRow('main thread, all moves', ruler.mainThread)]),
    `  per move (medians): ${perMove(ruler.mainThread.ours.median)} ms with the ruler, ${perMove(ruler.mainThread.browser.median)} ms without.`,
  ];
}
