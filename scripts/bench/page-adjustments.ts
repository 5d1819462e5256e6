/**
 * Bench section 9: page colours and page font on /large.html, each against the browser's own relayout for a root
 * font change measured in the same run (timed as the text-size change of section 2).
 */
import type { ExtensionSession } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { type ChangeComparison, type ChangeSample, changeRows, compareChanges, measureArmedChange } from './change-sample.ts';
import { replacePreferences, setScaleForNewPages } from './harness/extension-storage.ts';
import { COMPARED_HEADER, formatCount, formatMs, table } from './harness/format.ts';
import { openSettledPageWithMetrics } from './harness/pages.ts';
import { interleaved, type PerSide, type Side } from './harness/runs.ts';
import { armComputedChangeDetectors, rootFontSizeAndForceLayout } from './in-page.ts';

/** A 1rem paragraph, so the root font change (the baseline) changes it too. */
const ADJUST_PROBE = '[data-probe="body-paragraph"]';
export const ROOT_FONT_CHANGE = '150%';

type AdjustmentKind = 'colours' | 'font';

const ADJUSTMENTS: Record<AdjustmentKind, { field: string; value: string; property: string }> = {
  colours: { field: 'pageColours', value: 'yellow-on-black', property: 'color' },
  font: { field: 'pageFont', value: 'system-serif', property: 'font-family' },
};

/** Our adjustment sheets are <style data-<token>="a"> (src/content/page-names.ts). */
function hasAdjustmentSheet(): boolean {
  return (
    [...document.querySelectorAll('style')].filter((style) =>
      style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 'a'),
    ).length > 0
  );
}

async function adjustmentRun(session: ExtensionSession, server: FixtureServer, side: Side, kind: AdjustmentKind): Promise<ChangeSample> {
  if (side === 'browser') return rootFontChangeRun(session, server);
  // In the extension's browser with nothing stored but 100%: the content script is injected but idle.
  const { field, value, property } = ADJUSTMENTS[kind];
  const { page, cdp } = await openSettledPageWithMetrics(session.context, server, '/large.html');
  if (await page.evaluate(hasAdjustmentSheet)) throw new Error('page was already adjusted at load: expected no adjustment');
  await page.evaluate(armComputedChangeDetectors, { selector: ADJUST_PROBE, property, observeAdjust: true });
  const sample = await measureArmedChange(
    page,
    cdp,
    side,
    () => replacePreferences(session, { [field]: value }),
    `ours: ${property} change`,
  );
  await cdp.detach();
  await page.close();
  await setScaleForNewPages(session, 100);
  return sample;
}

/**
 * The reference of sections 9 and 13: the browser's own relayout for a root font change, in a fresh tab of the
 * extension's browser with nothing stored but 100% (the content script injected but idle).
 */
export async function rootFontChangeRun(session: ExtensionSession, server: FixtureServer): Promise<ChangeSample> {
  const { page, cdp } = await openSettledPageWithMetrics(session.context, server, '/large.html');
  await page.evaluate(armComputedChangeDetectors, { selector: ADJUST_PROBE, property: 'font-size', observeAdjust: false });
  const sample = await measureArmedChange(
    page,
    cdp,
    'browser',
    () => page.evaluate(rootFontSizeAndForceLayout, ROOT_FONT_CHANGE),
    'browser: font-size change',
  );
  await cdp.detach();
  await page.close();
  return sample;
}

export type AdjustmentMeasurements = Record<AdjustmentKind, PerSide<ChangeSample>>;

/** Expects the stored size at 100% and no adjustment stored. */
export async function measureAdjustments(session: ExtensionSession, server: FixtureServer): Promise<AdjustmentMeasurements> {
  const colours = await interleaved('9/11 page colours on /large.html', (side) => adjustmentRun(session, server, side, 'colours'));
  const font = await interleaved('9/11 page font on /large.html', (side) => adjustmentRun(session, server, side, 'font'));
  return { colours, font };
}

export function adjustmentsResult(measured: AdjustmentMeasurements) {
  const entry = (kind: AdjustmentKind) => ({ ...ADJUSTMENTS[kind], ...compareChanges(measured[kind]), samples: measured[kind] });
  return { rootFontChange: ROOT_FONT_CHANGE, probe: ADJUST_PROBE, colours: entry('colours'), font: entry('font') };
}

type AdjustmentsResult = {
  rootFontChange: string;
  probe: string;
} & Record<AdjustmentKind, { value: string } & ChangeComparison>;

/** `alwaysOn` is section 1's line: the adjustments' cost is weighed against what they keep out of the always-on script. */
export function adjustmentsReport(adjustments: AdjustmentsResult, largePageElements: number, alwaysOn: string): string[] {
  const { colours, font } = adjustments;
  return [
    '',
    `9. Page adjustments on /large.html (${formatCount(largePageElements)} elements)`,
    '  method: as section 2 (CDP TaskDuration delta from the trigger until a frame showing the change has been rendered; fresh tab',
    '    per run, stored size 100%, no adjustment at load). Trigger: EasyRead = chrome.storage.sync.set of `preferences` from the',
    `    service worker (pageColours '${colours.value}', then separately pageFont '${font.value}');`,
    `    browser = documentElement.style.fontSize = "${adjustments.rootFontChange}" in the page (the browser's own relayout for a root`,
    '    font change), measured in the same run as each.',
    `  method, applied: the probe ${adjustments.probe} (1rem) has a new computed value: color / font-family for EasyRead, font-size`,
    '    for the browser. forced: browser = fontSize set + body.offsetHeight; EasyRead = MutationObserver sees our',
    '    <style data-<token>="a"> appear + body.offsetHeight. end to end: trigger call → first rendered frame with the change.',
    table(COMPARED_HEADER, [...changeRows('colours', colours), ...changeRows('font', font)]),
    `  absolute: colours ${formatMs(colours.mainThread.ours)} main thread (${colours.mainThread.ratio.toFixed(2)}× the root` +
      ` font change), font ${formatMs(font.mainThread.ours)} (${font.mainThread.ratio.toFixed(2)}×).`,
    `  always-on content script (as in 1): ${alwaysOn}`,
  ];
}
