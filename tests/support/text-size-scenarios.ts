/**
 * Live-page text size, written once for Chromium and Firefox: what a reader sees (computed sizes)
 * on every kind of fixture, in the first painted frame after a reload, per scope across sites and
 * tabs, with storage that refuses or holds rubbish, at double size, on pages that change, next to
 * the site's own buttons, in frames and shadow roots; and reset gives the page back exactly.
 * Each browser's test file provides the harness (tests/e2e/{chromium,firefox}/text-size.test.ts).
 */
import { expect } from 'vitest';
import { expectSizes, snapshot } from './live-page-scenarios';
import { OUR_ATTRIBUTE } from './our-names';
import { evaluateIn, fontSizes, type ScriptTarget } from './page-checks';

export interface SizedPage extends ScriptTarget {
  /** A real pointer click. */
  click(selector: string): Promise<unknown>;
  reload(): Promise<unknown>;
  /** Every frame of the page, the top one included. */
  frames(): ScriptTarget[];
}

export type CommandResult = { ok: boolean; textScale?: number; scope?: string; error?: string };

export interface OpenOptions {
  /** The fixture from the second server: another origin, which the test copy may adjust too. */
  otherOrigin?: boolean;
  /** Runs in the page before its own scripts, on this load and on every reload (self-contained). */
  initScript?: () => void;
}

export interface TextSizeHarness {
  /** The origin of the fixture server (or of the second one), e.g. http://127.0.0.1:1234. */
  origin(other?: boolean): string;
  /** A new tab on the fixture, once loaded. */
  open(path: string, options?: OpenOptions): Promise<SizedPage>;
  /** Sends a command exactly as the popup and the shortcut handler do. */
  command(page: SizedPage, command: string): Promise<CommandResult>;
  /** Waits until the automatic scripts carry the boot file for this size (what the first frame of a new load gets). */
  waitForAutoApply(textScale: number): Promise<void>;
  /** Runs fn(arg) in an extension page; fn must be self-contained. */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
}

const PROBES = '[data-probe]';
const TOLERANCE = 0.06;
/** The fixtures every text-size check runs on: units of every kind, a strict CSP, an iframe, content that arrives late. */
export const SIZE_FIXTURES = [
  'meti-release.html',
  'japanese-gov.html',
  'px-only.html',
  'rem-em.html',
  'strict-csp.html',
  'iframe-host.html',
  'late-content.html',
];
export const OVERLAP_FIXTURES = ['meti-release.html', 'japanese-gov.html', 'px-only.html', 'rem-em.html'];

const times = (sizes: number[], factor: number) => sizes.map((size) => size * factor);

async function pressLarger(h: TextSizeHarness, page: SizedPage, count: number): Promise<CommandResult> {
  let result: CommandResult = { ok: false };
  for (let i = 0; i < count; i++) result = await h.command(page, 'increase-text-size');
  return result;
}

/** Pages that add content late (late-content.html) set __lateDone = false, then true once done; other pages never set it. */
async function untilLateContentDone(page: ScriptTarget): Promise<void> {
  await expect
    .poll(() => evaluateIn(page, () => (window as { __lateDone?: boolean }).__lateDone !== false, undefined), { timeout: 10_000 })
    .toBe(true);
}

/** Polls until read() gives the expected sizes (a failing run shows the sizes last seen). */
async function untilSizes(read: () => Promise<number[]>, expected: number[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const sizes = await read().catch(() => []);
        if (sizes.length !== expected.length) return `${sizes.length} sizes instead of ${expected.length}`;
        const wrong = sizes.flatMap((size, i) => (Math.abs(size - expected[i]) <= TOLERANCE ? [] : [`#${i}: ${size} not ${expected[i]}`]));
        return wrong.length === 0 ? 'ok' : wrong.join(', ');
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe('ok');
}

const probeNames = (page: ScriptTarget) =>
  evaluateIn(page, () => Array.from(document.querySelectorAll('[data-probe]'), (element) => element.getAttribute('data-probe')), undefined);

/**
 * The fixtures' first-paint probe, for a page whose CSP blocks it: rAF callbacks run before each frame
 * is painted, so each probe's size is taken in the first frame it is in (the page may paint before all
 * of it is parsed). Self-contained: it is sent to the page as text.
 */
export function recordFirstFrameSizes(): void {
  const firstSeen = new Map<Element, number>();
  const tick = () => {
    // While a stylesheet in the head is still loading nothing is painted (it blocks rendering), and
    // sizes read then would be the browser's defaults.
    const styled = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet !== null);
    if (!styled) return void requestAnimationFrame(tick);
    // Read once this frame's other animation-frame callbacks (the extension's among them) and its
    // layout are done, just before it is painted: a resize observer's first call comes then.
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      for (const element of document.querySelectorAll('[data-probe]')) {
        if (!firstSeen.has(element)) firstSeen.set(element, Number.parseFloat(getComputedStyle(element).fontSize));
      }
      if (document.readyState !== 'complete') return void requestAnimationFrame(tick);
      (window as { __firstFrame?: unknown }).__firstFrame = Array.from(document.querySelectorAll('[data-probe]'), (element) => ({
        probe: element.getAttribute('data-probe'),
        fontSize: firstSeen.get(element),
      }));
    });
    observer.observe(document.documentElement);
  };
  requestAnimationFrame(tick);
}

/** Scenarios run once per fixture of SIZE_FIXTURES. */
export const perFixtureScenarios = {
  async 'scales every probed text by the chosen factor, and reset restores the page exactly'(h: TextSizeHarness, fixture: string) {
    const page = await h.open(fixture);
    await untilLateContentDone(page);
    // Loaded with EasyRead idle at 100%: the page as the site wrote it.
    const original = await snapshot(page);
    expect(original).not.toMatch(OUR_ATTRIBUTE);
    const baseline = await fontSizes(page, PROBES);
    expect(baseline.length).toBeGreaterThan(1);

    expect(await pressLarger(h, page, 3)).toMatchObject({ ok: true, textScale: 150, scope: 'global' });
    await expectSizes(page, times(baseline, 1.5));
    expect(await snapshot(page)).not.toBe(original);

    expect(await h.command(page, 'decrease-text-size')).toMatchObject({ ok: true, textScale: 125 });
    await expectSizes(page, times(baseline, 1.25));

    expect(await h.command(page, 'reset-text-size')).toMatchObject({ ok: true, textScale: 100 });
    await expectSizes(page, baseline);
    expect(await fontSizes(page, PROBES)).toEqual(baseline);
    await expect.poll(() => snapshot(page), { timeout: 10_000 }).toBe(original);
  },

  async 'is already scaled in the first painted frame after a reload'(h: TextSizeHarness, fixture: string) {
    // strict-csp.html's CSP blocks its own probe script: the same probe comes from the automation, which CSP does not govern.
    const page = await h.open(fixture, { initScript: fixture === 'strict-csp.html' ? recordFirstFrameSizes : undefined });
    const baseline = await fontSizes(page, PROBES);
    const names = await probeNames(page);
    expect(await pressLarger(h, page, 3)).toMatchObject({ ok: true, textScale: 150 });
    await expectSizes(page, times(baseline, 1.5));
    // The boot file for 150% must be registered before the reload for the first frame to have it.
    await h.waitForAutoApply(150);

    await page.reload();
    await expect
      .poll(() => evaluateIn(page, () => (window as { __firstFrame?: unknown }).__firstFrame !== undefined, undefined), {
        timeout: 15_000,
      })
      .toBe(true);
    const firstFrame = (await evaluateIn(page, () => (window as { __firstFrame?: unknown }).__firstFrame, undefined)) as {
      probe: string;
      fontSize: number;
    }[];
    expect(firstFrame.map((entry) => entry.probe)).toEqual(names);
    for (const [i, entry] of firstFrame.entries()) {
      expect(Math.abs(entry.fontSize - baseline[i] * 1.5), `${entry.probe}: ${entry.fontSize} vs ${baseline[i]} × 1.5`).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  },
};

export type PerFixtureScenario = keyof typeof perFixtureScenarios;

/** Both storage areas merged, storage.local winning, as the preferences module reads them; and each alone. */
function storageAreas(h: TextSizeHarness) {
  return h.inExtension(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return { sync: await api.storage.sync.get(null), local: await api.storage.local.get(null) };
  }, undefined);
}

function storeIn(h: TextSizeHarness, area: 'sync' | 'local', items: Record<string, unknown>): Promise<void> {
  return h.inExtension(
    async ({ area, items }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.storage[area].set(items);
    },
    { area, items },
  );
}

export const scopeScenarios = {
  async 'keeps "all sites" and "this site" sizes apart across reloads and sites'(h: TextSizeHarness) {
    const page = await h.open('px-only.html');
    const baseline = await fontSizes(page, PROBES);
    expect(await pressLarger(h, page, 3)).toMatchObject({ textScale: 150, scope: 'global' });
    // This site gets its own size: a copy of 150%, then 200%.
    await storeIn(h, 'sync', { [`site:${h.origin()}`]: { textScale: 150 } });
    expect(await pressLarger(h, page, 2)).toMatchObject({ ok: true, textScale: 200, scope: 'site' });
    await expectSizes(page, times(baseline, 2));
    await page.reload();
    await expectSizes(page, times(baseline, 2));

    // The same page from another origin follows "all sites" (150%), and a step there changes all sites only.
    const other = await h.open('px-only.html', { otherOrigin: true });
    await expectSizes(other, times(baseline, 1.5));
    expect(await h.command(other, 'reset-text-size')).toMatchObject({ ok: true, textScale: 100, scope: 'global' });
    expect(await h.command(other, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110, scope: 'global' });
    await expectSizes(other, times(baseline, 1.1));
    await expectSizes(page, times(baseline, 2));

    const { sync } = await storageAreas(h);
    expect(sync.preferences).toMatchObject({ version: 1, textScale: 110 });
    expect(sync[`site:${h.origin()}`]).toEqual({ textScale: 200 });
    expect(sync[`site:${h.origin(true)}`]).toBeUndefined();
  },

  async 'keeps two tabs of the same site in step'(h: TextSizeHarness) {
    const page = await h.open('meti-release.html');
    // Another address of the same site: the harness finds a tab by its address.
    const second = await h.open('meti-release.html?second-tab');
    const baseline = await fontSizes(second, PROBES);
    expect(await pressLarger(h, page, 2)).toMatchObject({ ok: true, textScale: 125 });
    await expectSizes(second, times(baseline, 1.25));
  },

  async 'falls back to local storage when sync refuses a write, losing nothing'(h: TextSizeHarness) {
    // A 9 KB field (say, from a newer version) makes the item larger than sync's 8 KB per-item quota.
    const bulky = 'x'.repeat(9000);
    await storeIn(h, 'local', { preferences: { version: 1, textScale: 100, bulky } });
    const page = await h.open('px-only.html');
    const baseline = await fontSizes(page, PROBES);
    expect(await h.command(page, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110 });
    await expectSizes(page, times(baseline, 1.1));
    const { sync, local } = await storageAreas(h);
    expect(local.preferences).toEqual({ version: 1, textScale: 110, bulky });
    expect(sync.preferences).toBeUndefined();
  },

  async 'repairs corrupted stored preferences instead of failing'(h: TextSizeHarness) {
    await storeIn(h, 'sync', { preferences: { version: 1, textScale: 'huge', keepMe: 1 } });
    const page = await h.open('px-only.html');
    const baseline = await fontSizes(page, PROBES);
    expect(await h.command(page, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110 });
    await expectSizes(page, times(baseline, 1.1));
    expect((await storageAreas(h)).sync.preferences).toEqual({ version: 1, textScale: 110, keepMe: 1 });
  },
};

export type ScopeScenario = keyof typeof scopeScenarios;

/** No two of the text blocks we sized overlap at 200% (run once per fixture of OVERLAP_FIXTURES). */
export async function noOverlapAtDoubleSize(h: TextSizeHarness, fixture: string): Promise<void> {
  const page = await h.open(fixture);
  const baseline = await fontSizes(page, PROBES);
  expect(await pressLarger(h, page, 5)).toMatchObject({ textScale: 200 });
  await expectSizes(page, times(baseline, 2));
  const { blocks: checked, overlaps } = await evaluateIn(
    page,
    () => {
      const pinned = [...document.querySelectorAll('*')].filter((element) =>
        element.getAttributeNames().some((name) => /^data-x[a-z0-9]+-s\d/.test(name)),
      );
      const blocks = pinned.filter((element) => {
        const display = getComputedStyle(element).display;
        return (display === 'block' || display === 'list-item') && element.getClientRects().length > 0;
      });
      const found: string[] = [];
      for (let i = 0; i < blocks.length; i++) {
        for (let j = i + 1; j < blocks.length; j++) {
          const [a, b] = [blocks[i], blocks[j]];
          if (a.contains(b) || b.contains(a)) continue;
          const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
          const width = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const height = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (width > 2 && height > 2)
            found.push(`${a.tagName}:${a.textContent?.slice(0, 20)} / ${b.tagName}:${b.textContent?.slice(0, 20)}`);
        }
      }
      return { blocks: blocks.length, overlaps: found };
    },
    undefined,
  );
  // Enough scaled blocks were compared for "none overlap" to mean something.
  expect(checked).toBeGreaterThan(3);
  expect(overlaps).toEqual([]);
}

/** The frame of the page whose address ends with `suffix`. */
async function frameEndingWith(page: SizedPage, suffix: string): Promise<ScriptTarget> {
  for (const frame of page.frames()) {
    if ((await evaluateIn(frame, () => location.href, undefined)).endsWith(suffix)) return frame;
  }
  throw new Error(`no frame at …${suffix}`);
}

/** Font sizes of the probes inside every open shadow root of the page's custom elements. */
const shadowSizes = (page: ScriptTarget) =>
  evaluateIn(
    page,
    () =>
      [...document.querySelectorAll('news-card')].flatMap((host) =>
        Array.from(host.shadowRoot?.querySelectorAll('[data-probe]') ?? [], (element) =>
          Number.parseFloat(getComputedStyle(element).fontSize),
        ),
      ),
    undefined,
  );

export const changingPageScenarios = {
  async 'scales content that arrives after load into an already scaled page, px text inside a scaled paragraph included'(
    h: TextSizeHarness,
  ) {
    const page = await h.open('late-content.html');
    await untilLateContentDone(page);
    const [itemHeading] = await fontSizes(page, '.item h3');
    const [liveSpan] = await fontSizes(page, '#live-paragraph span');
    expect(await pressLarger(h, page, 3)).toMatchObject({ textScale: 150 });
    await h.waitForAutoApply(150);
    // Loaded again at 150%: the items and the 11px span arrive after the page is already scaled.
    await page.reload();
    await untilLateContentDone(page);
    await untilSizes(() => fontSizes(page, '#live-paragraph span'), [liveSpan * 1.5]);
    const headings = () => fontSizes(page, '.item h3');
    await untilSizes(
      headings,
      (await headings()).map(() => itemHeading * 1.5),
    );
    await page.click('#load-more');
    await expect.poll(async () => (await headings()).length).toBeGreaterThanOrEqual(10);
    await untilSizes(
      headings,
      (await headings()).map(() => itemHeading * 1.5),
    );
  },

  async 'lets the METI site’s own "Font Size Change" buttons work on top of ours'(h: TextSizeHarness) {
    const page = await h.open('meti-release.html');
    const paragraph = async () => (await fontSizes(page, '[data-probe="body-paragraph"]'))[0];
    const standard = await paragraph();
    await page.click('#fs-large');
    await expect.poll(paragraph).toBeGreaterThan(standard);
    const siteLarge = await paragraph();
    await page.click('#fs-standard');
    await untilSizes(async () => [await paragraph()], [standard]);
    expect(await pressLarger(h, page, 3)).toMatchObject({ textScale: 150 });
    await untilSizes(async () => [await paragraph()], [standard * 1.5]);
    await page.click('#fs-large');
    await untilSizes(async () => [await paragraph()], [siteLarge * 1.5]);
    await page.click('#fs-standard');
    await untilSizes(async () => [await paragraph()], [standard * 1.5]);
  },

  async 'scales the same-origin iframe, and reset gives it back exactly'(h: TextSizeHarness) {
    const page = await h.open('iframe-host.html');
    const frame = await frameEndingWith(page, 'iframe-child.html');
    const original = await snapshot(frame);
    const baseline = await fontSizes(frame, PROBES);
    expect(baseline.length).toBeGreaterThan(0);
    expect(await pressLarger(h, page, 3)).toMatchObject({ textScale: 150 });
    await expectSizes(frame, times(baseline, 1.5));
    expect(await h.command(page, 'reset-text-size')).toMatchObject({ textScale: 100 });
    await expectSizes(frame, baseline);
    await expect.poll(() => snapshot(frame), { timeout: 10_000 }).toBe(original);
  },

  async 'scales text inside open shadow roots, and reset gives it back'(h: TextSizeHarness) {
    const page = await h.open('shadow-dom.html');
    const baseline = await shadowSizes(page);
    expect(baseline).toHaveLength(4);
    expect(await pressLarger(h, page, 3)).toMatchObject({ textScale: 150 });
    await untilSizes(() => shadowSizes(page), times(baseline, 1.5));
    expect(await h.command(page, 'reset-text-size')).toMatchObject({ textScale: 100 });
    await untilSizes(() => shadowSizes(page), baseline);
  },
};

export type ChangingPageScenario = keyof typeof changingPageScenarios;
