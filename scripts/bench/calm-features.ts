/**
 * Bench section 13 (issue 12): the three calm-page features (colour tint, stop motion, hide images) switched on,
 * then off again, on /large.html, each against the browser's own relayout for a root font change measured in the
 * same run (the reference of section 9, timed the same way).
 */
import type { ExtensionSession } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { type ChangeComparison, type ChangeSample, changeRows, compareChanges, measureArmedChange } from './change-sample.ts';
import { replacePreferences, setScaleForNewPages } from './harness/extension-storage.ts';
import { COMPARED_HEADER, formatCount, table } from './harness/format.ts';
import { openSettledPageWithMetrics, settlePage } from './harness/pages.ts';
import { interleaved, type PerSide, type Side } from './harness/runs.ts';
import { ROOT_FONT_CHANGE, rootFontChangeRun } from './page-adjustments.ts';

type CalmKind = 'tint' | 'stopMotion' | 'hideImages';

/** What each feature puts on the page, where the detectors see it: our adjustments sheet, or the tint's shadow host. */
type Shows = 'sheet' | 'host';

const CALM: Record<CalmKind, { label: string; fields: Record<string, unknown>; shows: Shows }> = {
  tint: { label: 'colour tint', fields: { pageTint: 'cream' }, shows: 'host' },
  stopMotion: { label: 'stop motion', fields: { pageStopMotion: true }, shows: 'sheet' },
  hideImages: { label: 'hide images', fields: { pageHideImages: true }, shows: 'sheet' },
};

const KINDS = Object.keys(CALM) as CalmKind[];

/**
 * Runs in the page (self-contained). Whether our mark of the feature is on the page: the adjustments sheet
 * (<style data-<token>="a">, src/content/page-names.ts) with a rule in its layer, or the tint's host (<token>-t).
 */
function oursShown(shows: Shows): boolean {
  if (shows === 'host') return [...document.documentElement.children].some((element) => /^x[a-z0-9]+-t$/.test(element.localName));
  return [...document.querySelectorAll('style')].some(
    (style) =>
      style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 'a') &&
      /\{[^{}]+\{/.test(style.textContent ?? ''),
  );
}

/**
 * Runs in the page (self-contained), with the same contract as armComputedChangeDetectors (in-page.ts), which
 * awaitChangeDetectors reads: "applied" = our mark has come (or gone, `present` false) in an animation frame;
 * "painted" = a MessageChannel message posted from that frame's callback; forced = a MutationObserver sees the
 * mark change and times a forced layout.
 */
function armShownDetectors({ shows, present }: { shows: Shows; present: boolean }): void {
  const shown = (): boolean => {
    if (shows === 'host') return [...document.documentElement.children].some((element) => /^x[a-z0-9]+-t$/.test(element.localName));
    return [...document.querySelectorAll('style')].some(
      (style) =>
        style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 'a') &&
        /\{[^{}]+\{/.test(style.textContent ?? ''),
    );
  };
  if (shown() === present) throw new Error(`our ${shows} is already ${present ? 'there' : 'gone'}`);
  const state: { forcedMs: number | null; done: Promise<{ appliedAt: number; paintedAt: number } | null> } = {
    forcedMs: null,
    done: Promise.resolve(null),
  };
  (window as unknown as { __bench: typeof state }).__bench = state;
  const observer = new MutationObserver(() => {
    if (shown() !== present) return;
    observer.disconnect();
    const start = performance.now();
    void document.body.offsetHeight;
    state.forcedMs = performance.now() - start;
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const deadline = performance.now() + 30_000;
  state.done = new Promise((resolve) => {
    const tick = () => {
      if (shown() === present) {
        const appliedAt = performance.timeOrigin + performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ appliedAt, paintedAt: performance.timeOrigin + performance.now() });
        channel.port2.postMessage(0);
      } else if (performance.now() > deadline) resolve(null);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

interface OnOffSample {
  on: ChangeSample;
  off: ChangeSample;
}

/** One fresh tab: the feature switched on from the service worker, the page settled, then switched off again. */
async function onOffRun(session: ExtensionSession, server: FixtureServer, kind: CalmKind): Promise<OnOffSample> {
  const { label, fields, shows } = CALM[kind];
  const { page, cdp } = await openSettledPageWithMetrics(session.context, server, '/large.html');
  if (await page.evaluate(oursShown, shows)) throw new Error(`${label}: the page was already adjusted at load`);
  await page.evaluate(armShownDetectors, { shows, present: true });
  const on = await measureArmedChange(page, cdp, 'ours', () => replacePreferences(session, fields), `ours: ${label} on`);
  await settlePage(page);
  await page.evaluate(armShownDetectors, { shows, present: false });
  const off = await measureArmedChange(page, cdp, 'ours', () => replacePreferences(session, {}), `ours: ${label} off`);
  await cdp.detach();
  await page.close();
  await setScaleForNewPages(session, 100);
  return { on, off };
}

export type CalmMeasurements = Record<CalmKind, PerSide<OnOffSample | ChangeSample>>;

/** Expects the stored size at 100% and no adjustment stored. The browser side is one root font change per tab. */
export async function measureCalmFeatures(session: ExtensionSession, server: FixtureServer): Promise<CalmMeasurements> {
  const measured = {} as CalmMeasurements;
  for (const kind of KINDS) {
    measured[kind] = await interleaved<OnOffSample | ChangeSample>(`13 ${CALM[kind].label} on and off on /large.html`, (side: Side) =>
      side === 'ours' ? onOffRun(session, server, kind) : rootFontChangeRun(session, server),
    );
  }
  return measured;
}

export function calmFeaturesResult(measured: CalmMeasurements) {
  const entry = (kind: CalmKind) => {
    const ours = measured[kind].ours as OnOffSample[];
    const browser = measured[kind].browser as ChangeSample[];
    return {
      label: CALM[kind].label,
      fields: CALM[kind].fields,
      on: compareChanges({ ours: ours.map((run) => run.on), browser }),
      off: compareChanges({ ours: ours.map((run) => run.off), browser }),
      samples: measured[kind],
    };
  };
  return { rootFontChange: ROOT_FONT_CHANGE, features: KINDS.map(entry) };
}

type CalmResult = {
  rootFontChange: string;
  features: { label: string; fields: Record<string, unknown>; on: ChangeComparison; off: ChangeComparison }[];
};

export function calmFeaturesReport(calm: CalmResult, largePageElements: number): string[] {
  const settings = calm.features.map(({ label, fields }) => `${label} ${JSON.stringify(fields)}`).join(', ');
  const ratios = calm.features
    .map(({ label, on, off }) => `${label} ${on.mainThread.ratio.toFixed(2)}× on, ${off.mainThread.ratio.toFixed(2)}× off`)
    .join('; ');
  return [
    '',
    `13. Calm-page adjustments on /large.html (${formatCount(largePageElements)} elements), switched on and then off`,
    '  method: as section 9 (CDP TaskDuration delta from the trigger until a frame showing the change has been rendered; fresh tab',
    '    per run, stored size 100%, nothing on at load). Trigger: EasyRead = chrome.storage.sync.set of `preferences` from the service',
    `    worker (${settings}), then, once the page settled, the preferences without it (off, same tab);`,
    `    browser = documentElement.style.fontSize = "${calm.rootFontChange}" in the page, one fresh tab per run, compared with both.`,
    '  method, applied: our mark is on the page (off: gone) in an animation frame: the adjustments <style data-<token>="a"> with a',
    '    rule in its layer (stop motion, hide images; /large.html has no animation or image, so the cost is that of the rules),',
    "    or the tint's shadow host <token>-t. forced: a MutationObserver sees the mark change + body.offsetHeight.",
    table(
      COMPARED_HEADER,
      calm.features.flatMap(({ label, on, off }) => [...changeRows(`${label} on`, on), ...changeRows(`${label} off`, off)]),
    ),
    `  main thread against the root font change: ${ratios}.`,
  ];
}
