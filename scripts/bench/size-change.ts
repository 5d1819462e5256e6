/** Bench section 2: one text-size change on /large.html (100→150, then 150→175) against the browser's own zoom. */
import type { ExtensionSession } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { type ChangeComparison, type ChangeSample, changeRows, compareChanges, measureArmedChange } from './change-sample.ts';
import { setGlobalScale, setScaleForNewPages } from './harness/extension-storage.ts';
import { COMPARED_HEADER, formatCount, table } from './harness/format.ts';
import { openSettledPageWithMetrics, settlePage } from './harness/pages.ts';
import { interleaved, type PerSide, type Side } from './harness/runs.ts';
import { armChangeDetectors, readScale, zoomAndForceLayout } from './in-page.ts';

export const PROBE = '[data-probe="heading"]';
const TARGET_RATIO = 1.5;

export interface SizeChangeRun {
  first: ChangeSample;
  step: ChangeSample;
}

async function timeSizeChange(
  { page, cdp }: Awaited<ReturnType<typeof openSettledPageWithMetrics>>,
  side: Side,
  factor: number,
  trigger: () => Promise<unknown>,
): Promise<ChangeSample> {
  await page.evaluate(armChangeDetectors, { selector: PROBE, factor, observeStyle: side === 'ours' });
  return measureArmedChange(page, cdp, side, trigger, `${side}: size change (×${factor})`);
}

async function sizeChangeRun(session: ExtensionSession, server: FixtureServer, side: Side): Promise<SizeChangeRun> {
  // Both sides run in the extension's browser with the stored size at 100%: the content script is injected but idle.
  const tab = await openSettledPageWithMetrics(session.context, server, '/large.html');
  const { page, cdp } = tab;
  if ((await page.evaluate(readScale)).pinned !== 0) throw new Error('page was already scaled at load: expected 100%');
  const first = await timeSizeChange(tab, side, 1.5, () =>
    side === 'ours' ? setGlobalScale(session, 150) : page.evaluate(zoomAndForceLayout, '1.5'),
  );
  await settlePage(page);
  const step = await timeSizeChange(tab, side, 175 / 150, () =>
    side === 'ours' ? setGlobalScale(session, 175) : page.evaluate(zoomAndForceLayout, '1.75'),
  );
  await cdp.detach();
  await page.close();
  if (side === 'ours') await setScaleForNewPages(session, 100);
  return { first, step };
}

/** Expects the stored size at 100% for every page load. */
export function measureSizeChange(session: ExtensionSession, server: FixtureServer): Promise<PerSide<SizeChangeRun>> {
  return interleaved('2/11 size change on /large.html', (side) => sizeChangeRun(session, server, side));
}

export function sizeChangeResult(samples: PerSide<SizeChangeRun>) {
  const of = (which: keyof SizeChangeRun) => ({
    ours: samples.ours.map((run) => run[which]),
    browser: samples.browser.map((run) => run[which]),
  });
  return {
    first: compareChanges(of('first'), { mainThread: TARGET_RATIO }),
    step: compareChanges(of('step'), { mainThread: TARGET_RATIO, forced: TARGET_RATIO }),
    samples,
  };
}

export function sizeChangeReport(result: Record<keyof SizeChangeRun, ChangeComparison>, largePageElements: number): string[] {
  return [
    '',
    `2. One text-size change on /large.html (${formatCount(largePageElements)} elements)`,
    '  method, main thread: CDP Performance.getMetrics TaskDuration delta (all renderer main-thread work: our isolated-world',
    '    script, style, layout, paint), from the trigger until a frame showing the change has been rendered; fresh tab per run.',
    '  method, trigger: EasyRead = chrome.storage.sync.set from the service worker; browser = documentElement.style.zoom set in the page.',
    '  method, forced: browser = zoom set + body.offsetHeight; EasyRead = MutationObserver sees our <style> text change + body.offsetHeight',
    '    (for 100→150 this leaves out our measuring walk, which runs before the stylesheet is written: see main thread for the total;',
    '    150→175 edits the sheet through the CSSOM, which changes no text to observe: n/a for EasyRead).',
    '  method, end to end: wall time from the trigger call to the first rendered frame whose probe heading box has grown (rAF poll).',
    table(COMPARED_HEADER, [...changeRows('100→150', result.first), ...changeRows('150→175', result.step)]),
  ];
}
