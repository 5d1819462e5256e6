/**
 * Functions that run INSIDE the fixture page (page.evaluate / addInitScript).
 * Each must be self-contained: Playwright serialises the function text, so no
 * imports or module-level helpers can be used in here. tsx wraps inner named
 * functions in `__name(...)`; harness/browsers.ts installs a no-op `__name` in every page.
 */

interface BenchState {
  /** Page-side cost of the change: style applied → forced synchronous layout done (ms). */
  forcedMs: number | null;
  done: Promise<{ appliedAt: number; paintedAt: number } | null>;
}

type BenchWindow = Window & {
  __bench?: BenchState;
  __firstFrame?: { probe: string; fontSize: number }[];
  __firstFrameAt?: number;
  __appliedAt?: number;
};

/**
 * Arms the detectors before a size change is triggered.
 * - "applied": checked once per animation frame: the probe's box height has grown
 *   past half-way to the expected factor (getBoundingClientRect sees both zoom and
 *   font-size changes, so the same test works for the extension and for zoom).
 * - "painted": a MessageChannel message posted from that rAF callback runs after the
 *   frame's style/layout/paint, so its timestamp is "change rendered".
 * - When observeStyle is set, a MutationObserver on the extension's
 *   <style data-<token>="t"> (src/content/page-names.ts) sheets forces layout as soon as their text changes and
 *   times it (the page-side cost of applying the new stylesheet).
 * Times are epoch ms (performance.timeOrigin + performance.now()) so Node can compare.
 */
export function armChangeDetectors({ selector, factor, observeStyle }: { selector: string; factor: number; observeStyle: boolean }): void {
  const win = window as BenchWindow;
  const probe = document.querySelector(selector);
  if (!probe) throw new Error(`no probe ${selector}`);
  const baseHeight = probe.getBoundingClientRect().height;
  const threshold = baseHeight * (1 + (factor - 1) / 2);
  const state: BenchState = { forcedMs: null, done: Promise.resolve(null) };
  win.__bench = state;
  if (observeStyle) {
    // All of the extension's text-scale sheets: the main one and batches added for sizes met later.
    const sheetsText = () =>
      [...document.querySelectorAll('style')]
        .filter((style) => style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 't'))
        .map((style) => style.textContent ?? '')
        .join('');
    const initialText = sheetsText();
    const observer = new MutationObserver(() => {
      const text = sheetsText();
      if (text === '' || text === initialText) return;
      observer.disconnect();
      const start = performance.now();
      void document.body.offsetHeight;
      state.forcedMs = performance.now() - start;
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }
  const deadline = performance.now() + 30_000;
  state.done = new Promise((resolve) => {
    const tick = () => {
      if (probe.getBoundingClientRect().height >= threshold) {
        const appliedAt = performance.timeOrigin + performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ appliedAt, paintedAt: performance.timeOrigin + performance.now() });
        channel.port2.postMessage(0);
      } else if (performance.now() > deadline) {
        resolve(null);
      } else {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  });
}

export function awaitChangeDetectors(): Promise<{ forcedMs: number | null; appliedAt: number; paintedAt: number } | null> {
  const state = (window as BenchWindow).__bench;
  if (!state) throw new Error('detectors not armed');
  return state.done.then((done) => (done ? { ...done, forcedMs: state.forcedMs } : null));
}

/** The browser's own equivalent: CSS zoom on the root, then a forced synchronous layout (timed). */
export function zoomAndForceLayout(zoom: string): void {
  const win = window as BenchWindow;
  const start = performance.now();
  document.documentElement.style.zoom = zoom;
  void document.body.offsetHeight;
  if (win.__bench) win.__bench.forcedMs = performance.now() - start;
}

/** Resolves after the page has been idle (requestIdleCallback) and two more frames have been rendered. */
export function settle(): Promise<void> {
  return new Promise((resolve) => {
    requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))), { timeout: 3000 });
  });
}

/** Resolves after the next frame has been rendered. */
export function nextFrameRendered(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Appends 1,000 elements into #append-target and times insertion + the extension's
 * MutationObserver work + a forced layout: t0 → append → `await 0` (the microtask
 * checkpoint runs every MutationObserver callback, the extension's included) →
 * body.offsetHeight → t1.
 */
export async function timeAppend({ groups, round }: { groups: number; round: number }): Promise<{
  ms: number;
  elements: number;
  textElements: number;
  pinnedAfterMicrotask: number;
  /** Rules in the extension's stylesheet before and after (a change means the stylesheet text was rewritten). */
  rulesBefore: number;
  rulesAfter: number;
}> {
  // Self-contained: page.evaluate serialises this function alone.
  const countRules = () => {
    let rules = 0;
    // From the CSSOM: sizes met later are inserted as rules, not written into the sheet's text.
    for (const style of [...document.querySelectorAll('style')].filter((style) =>
      style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 't'),
    )) {
      const top = style.sheet?.cssRules;
      const block = top?.[top.length - 1] as CSSGroupingRule | undefined;
      for (const rule of Array.from(block?.cssRules ?? []))
        if (/^\[data-x[a-z0-9]+-s/.test((rule as CSSStyleRule).selectorText ?? '')) rules++;
    }
    return rules;
  };
  const countPinned = (scope: ParentNode) => {
    let pinned = 0;
    for (const element of scope.querySelectorAll('*'))
      if (element.getAttributeNames().some((name) => /^data-x[a-z0-9]+-s\d/.test(name))) pinned++;
    return pinned;
  };
  const rules = () => countRules();
  const rulesBefore = rules();
  const target = document.getElementById('append-target');
  if (!target) throw new Error('no #append-target');
  // Markup is built before t0: 5 elements per group (article > h3 + p > a + small).
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) {
    parts.push(
      `<article class="bench-card"><h3>Update ${round}.${i + 1}: regional programme notice</h3>` +
        `<p>Applications for the support programme are accepted at regional offices until the end of the month. ` +
        `<a href="#">Read more</a> <small>(ref. ${round * 1000 + i})</small></p></article>`,
    );
  }
  const fragment = document.createRange().createContextualFragment(parts.join(''));
  const elements = fragment.querySelectorAll('*').length;
  const start = performance.now();
  target.append(fragment);
  await 0;
  void document.body.offsetHeight;
  const ms = performance.now() - start;
  const textElements = target.querySelectorAll('h3, p, a, small').length;
  const pinnedAfterMicrotask = countPinned(target);
  return { ms, elements, textElements, pinnedAfterMicrotask, rulesBefore, rulesAfter: rules() };
}

export function clearAppendTarget(): void {
  document.getElementById('append-target')?.replaceChildren();
}

export function readScale(): { styleRules: number; pinned: number } {
  // Self-contained: page.evaluate serialises this function alone.
  const countRules = () => {
    let rules = 0;
    // From the CSSOM: sizes met later are inserted as rules, not written into the sheet's text.
    for (const style of [...document.querySelectorAll('style')].filter((style) =>
      style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 't'),
    )) {
      const top = style.sheet?.cssRules;
      const block = top?.[top.length - 1] as CSSGroupingRule | undefined;
      for (const rule of Array.from(block?.cssRules ?? []))
        if (/^\[data-x[a-z0-9]+-s/.test((rule as CSSStyleRule).selectorText ?? '')) rules++;
    }
    return rules;
  };
  const countPinned = (scope: ParentNode) => {
    let pinned = 0;
    for (const element of scope.querySelectorAll('*'))
      if (element.getAttributeNames().some((name) => /^data-x[a-z0-9]+-s\d/.test(name))) pinned++;
    return pinned;
  };
  return { styleRules: countRules(), pinned: countPinned(document) };
}

/** Page-load timings (ms from navigation start); waits up to 3 s for the FCP entry. */
export async function loadTimings(): Promise<{ domContentLoaded: number; loadEventEnd: number; fcp: number | null }> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const fcpEntry = () => performance.getEntriesByName('first-contentful-paint')[0];
  for (let i = 0; i < 60 && !fcpEntry(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return { domContentLoaded: nav.domContentLoadedEventEnd, loadEventEnd: nav.loadEventEnd, fcp: fcpEntry()?.startTime ?? null };
}

/**
 * "Text elements": elements in <body> (body included) with a direct non-whitespace text
 * child, excluding script/style/noscript/template. Sizes are computed font sizes in px.
 */
export function textElementSizes(): { labels: string[]; sizes: number[] } {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const labels: string[] = [];
  const sizes: number[] = [];
  for (const element of [document.body, ...document.body.querySelectorAll('*')]) {
    if (skip.has(element.tagName)) continue;
    let hasText = false;
    for (let node = element.firstChild; node && !hasText; node = node.nextSibling) {
      hasText = node.nodeType === Node.TEXT_NODE && /\S/.test((node as Text).data);
    }
    if (!hasText) continue;
    const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
    labels.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}`);
    sizes.push(Number.parseFloat(getComputedStyle(element).fontSize));
  }
  return { labels, sizes };
}

export function setRootFontSize(value: string): void {
  document.documentElement.style.fontSize = value;
}

/**
 * Init script for the first-frame test: records when the page's own first-frame probe
 * (`window.__firstFrame`, set in the page's first rAF) was written, and — in a rAF loop
 * that runs on both sides alike — the first frame in which every [data-probe] element has
 * its expected computed size (ms from navigation start).
 */
export function firstFrameRecorder(expected: Record<string, number>): void {
  const win = window as BenchWindow;
  let value: BenchWindow['__firstFrame'];
  Object.defineProperty(win, '__firstFrame', {
    configurable: true,
    get: () => value,
    set: (next) => {
      value = next;
      win.__firstFrameAt = performance.now();
    },
  });
  const names = Object.keys(expected);
  const check = () => {
    const probes = document.querySelectorAll('[data-probe]');
    if (
      probes.length === names.length &&
      Array.from(probes).every(
        (probe) => Math.abs(Number.parseFloat(getComputedStyle(probe).fontSize) - expected[probe.getAttribute('data-probe') ?? '']) <= 0.1,
      )
    ) {
      win.__appliedAt = performance.now();
      return;
    }
    if (performance.now() < 15_000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export async function readFirstFrame(): Promise<{
  firstFrame: { probe: string; fontSize: number }[] | null;
  firstFrameAt: number | null;
  appliedAt: number | null;
  fcp: number | null;
}> {
  const win = window as BenchWindow;
  for (let i = 0; i < 100 && (win.__firstFrame === undefined || win.__appliedAt === undefined); i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  // The FCP entry is queued once the frame has been presented, which can be after load.
  for (let i = 0; i < 60 && performance.getEntriesByName('first-contentful-paint').length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  return { firstFrame: win.__firstFrame ?? null, firstFrameAt: win.__firstFrameAt ?? null, appliedAt: win.__appliedAt ?? null, fcp };
}

export function probeSizes(): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const probe of document.querySelectorAll('[data-probe]')) {
    sizes[probe.getAttribute('data-probe') ?? ''] = Number.parseFloat(getComputedStyle(probe).fontSize);
  }
  return sizes;
}

/**
 * Section 9: arms the detectors before a page adjustment (or the root font change it is
 * compared with) is triggered. Same rules as armChangeDetectors, with "applied" meaning the
 * probe's computed `property` differs from its value now (colour, font-family, font-size).
 * When observeAdjust is set, a MutationObserver on the extension's
 * <style data-<token>="a"> forces layout as soon as it appears or its text changes, and
 * times it (the page-side cost of applying the adjustment stylesheet).
 */
export function armComputedChangeDetectors({
  selector,
  property,
  observeAdjust,
}: {
  selector: string;
  property: string;
  observeAdjust: boolean;
}): void {
  const win = window as BenchWindow;
  const probe = document.querySelector(selector);
  if (!probe) throw new Error(`no probe ${selector}`);
  const initial = getComputedStyle(probe).getPropertyValue(property);
  const state: BenchState = { forcedMs: null, done: Promise.resolve(null) };
  win.__bench = state;
  if (observeAdjust) {
    const sheetText = () =>
      [...document.querySelectorAll('style')].filter((style) =>
        style.getAttributeNames().some((name) => /^data-x[a-z0-9]+$/.test(name) && style.getAttribute(name) === 'a'),
      )[0]?.textContent ?? '';
    const initialText = sheetText();
    const observer = new MutationObserver(() => {
      const text = sheetText();
      if (text === '' || text === initialText) return;
      observer.disconnect();
      const start = performance.now();
      void document.body.offsetHeight;
      state.forcedMs = performance.now() - start;
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  }
  const deadline = performance.now() + 30_000;
  state.done = new Promise((resolve) => {
    const tick = () => {
      if (getComputedStyle(probe).getPropertyValue(property) !== initial) {
        const appliedAt = performance.timeOrigin + performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ appliedAt, paintedAt: performance.timeOrigin + performance.now() });
        channel.port2.postMessage(0);
      } else if (performance.now() > deadline) {
        resolve(null);
      } else {
        requestAnimationFrame(tick);
      }
    };
    requestAnimationFrame(tick);
  });
}

/** The browser's own relayout for a root font change: documentElement.style.fontSize set, then a forced layout (timed). */
export function rootFontSizeAndForceLayout(value: string): void {
  const win = window as BenchWindow;
  const start = performance.now();
  document.documentElement.style.fontSize = value;
  void document.body.offsetHeight;
  if (win.__bench) win.__bench.forcedMs = performance.now() - start;
}
