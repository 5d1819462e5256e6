/**
 * Unclip (browser glue around unclip-plan.ts): while text is enlarged, boxes
 * of fixed size that would cut off or spill text they showed whole at 100%
 * get room (height to auto with the old height as least, wrapping instead of
 * an ellipsis, no line clamp) through our own stylesheet rules.
 *
 * Candidates are the boxes around pinned text (up to CANDIDATE_DEPTH levels
 * up). Reads come first, sliced into short tasks; boxes that overflow now are
 * then measured once more at 100% (our text-size sheets disabled for one
 * synchronous read, so nothing is painted that way) and only then written to.
 * stop() removes every attribute and stylesheet.
 */
import { isSizeAttribute } from '../../content/text-scale/scale-css';
import {
  type Axes,
  type BoxMetrics,
  type BoxStyle,
  buildUnclipCss,
  hidesOnPurpose,
  innermost,
  newlyOverflowing,
  overflowsAtAll,
  relaxTokens,
  UNCLIP_ATTRIBUTE,
} from './unclip-plan';

export interface Unclip {
  /** Check the boxes around these newly pinned elements, or around all pinned text after a scale change. */
  refresh(added?: readonly Element[]): void;
  stop(): void;
}

type StyleRoot = Document | ShadowRoot;

/** A box that overflows now, as read at the current size. */
interface Candidate {
  style: BoxStyle;
  metrics: BoxMetrics;
}

/** A fixed-height card's text sits a few levels below it (card > body > p > a). */
const CANDIDATE_DEPTH = 6;
/** Reads per task, so no task of ours blocks the page for long. */
const SLICE_MS = 8;
/** Boxes measured again at 100% per pass: each pass costs the page two extra layouts. */
const MAX_BOXES_PER_PASS = 1_000;
/** Outer boxes are relaxed after inner ones, one level per pass. */
const MAX_PASSES = 8;
const XHTML = 'http://www.w3.org/1999/xhtml';
const NEVER = new Set([
  'HTML',
  'BODY',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'INPUT',
  'TEXTAREA',
  'SELECT',
]);
const TEXT_SCALE_STYLES = 'style[data-easyread="text-scale"]';

const metricsOf = (box: Element): BoxMetrics => ({
  scrollWidth: box.scrollWidth,
  clientWidth: box.clientWidth,
  scrollHeight: box.scrollHeight,
  clientHeight: box.clientHeight,
});

function styleOf(box: Element): BoxStyle {
  const style = getComputedStyle(box);
  return {
    overflowX: style.overflowX,
    overflowY: style.overflowY,
    clip: style.clip,
    clipPath: style.clipPath,
    whiteSpace: style.whiteSpace,
    display: style.display,
    flexDirection: style.flexDirection,
    flexWrap: style.flexWrap,
    height: style.height,
  };
}

const tokensOf = (box: Element) => box.getAttribute(UNCLIP_ATTRIBUTE)?.split(' ').filter(Boolean) ?? [];

export function startUnclip(document: Document): Unclip {
  const window = document.defaultView;
  const sheets = new Map<StyleRoot, HTMLStyleElement>();
  const tokensInUse = new Set<string>();
  /** Open shadow roots met among newly pinned text (the scaler pins inside them too). */
  const shadowRoots = new Set<ShadowRoot>();
  /** Elements whose surrounding boxes are still to be read in this round, and how far we are. */
  let queue: Element[] = [];
  let cursor = 0;
  let fullScan = true;
  let seen = new Set<Element>();
  let overflowing = new Map<Element, Candidate>();
  let passes = 0;
  let frame = 0;
  let fallback = 0;
  let stopped = false;

  function schedule(): void {
    if (frame || stopped || !window) return;
    // A frame, so relaxed boxes are painted with the new size; the timeout for tabs that are not painted.
    frame = window.requestAnimationFrame(run);
    fallback = window.setTimeout(run, 100);
  }

  /** Every pinned element of the document, found by the attributes named in our text-size sheets. */
  function allPinned(): Element[] {
    const names = new Set<string>();
    for (const style of document.querySelectorAll(TEXT_SCALE_STYLES)) {
      for (const [, name] of (style.textContent ?? '').matchAll(/\[([\w-]+)\]/g)) if (isSizeAttribute(name)) names.add(name);
    }
    if (names.size === 0) return [];
    const selector = Array.from(names, (name) => `[${name}]`).join(',');
    return [document, ...shadowRoots].flatMap((root) => Array.from(root.querySelectorAll(selector)));
  }

  /** Reads the boxes around one element; only overflowing ones are kept. */
  function inspect(element: Element): void {
    let box: Element | null = element;
    for (let depth = 0; box && depth <= CANDIDATE_DEPTH; depth++, box = box.parentElement) {
      if (seen.has(box)) continue;
      seen.add(box);
      if (box.namespaceURI !== XHTML || NEVER.has(box.tagName)) continue;
      const metrics = metricsOf(box);
      if (!overflowsAtAll(metrics)) continue;
      const style = styleOf(box);
      if (!hidesOnPurpose(style, metrics)) overflowing.set(box, { style, metrics });
    }
  }

  function run(): void {
    window?.cancelAnimationFrame(frame);
    window?.clearTimeout(fallback);
    frame = 0;
    if (stopped) return;
    if (fullScan) {
      fullScan = false;
      queue = allPinned();
      cursor = 0;
      seen = new Set();
      overflowing = new Map();
    }
    const deadline = performance.now() + SLICE_MS;
    while (cursor < queue.length && (cursor % 64 !== 0 || performance.now() < deadline)) {
      const element = queue[cursor++];
      if (element.isConnected) inspect(element);
    }
    if (cursor < queue.length) {
      schedule();
      return;
    }
    const found = new Map([...overflowing].slice(0, MAX_BOXES_PER_PASS));
    queue = [];
    cursor = 0;
    seen = new Set();
    overflowing = new Map();
    const relaxed = relax(found);
    if (relaxed.length > 0 && ++passes < MAX_PASSES) {
      // Outer boxes that overflowed because of these get their turn once these have room.
      queue = [...found.keys()];
      schedule();
    } else {
      passes = 0;
    }
  }

  /** Each box's metrics at 100%: our text-size sheets are off for this one synchronous read. */
  function measureAt100(boxes: Element[]): BoxMetrics[] {
    const roots = new Set<StyleRoot>([document]);
    for (const box of boxes) roots.add(box.getRootNode() as StyleRoot);
    const sheetsOff = [...roots].flatMap((root) =>
      Array.from(root.querySelectorAll<HTMLStyleElement>(TEXT_SCALE_STYLES), (style) => style.sheet),
    );
    for (const sheet of sheetsOff) if (sheet) sheet.disabled = true;
    try {
      return boxes.map(metricsOf);
    } finally {
      for (const sheet of sheetsOff) if (sheet) sheet.disabled = false;
    }
  }

  /** Relaxes the innermost boxes that cut off text they showed whole at 100%; returns those changed. */
  function relax(found: Map<Element, Candidate>): Element[] {
    const boxes = [...found.keys()].filter((box) => box.isConnected);
    if (boxes.length === 0) return [];
    const scroll = window ? [window.scrollX, window.scrollY] : [0, 0];
    const measured = measureAt100(boxes);
    const plans = new Map<Element, { candidate: Candidate; at100: BoxMetrics; axes: Axes }>();
    boxes.forEach((box, i) => {
      const candidate = found.get(box) as Candidate;
      const axes = newlyOverflowing(candidate.style, candidate.metrics, measured[i]);
      if (axes.x || axes.y) plans.set(box, { candidate, at100: measured[i], axes });
    });
    const changed: Element[] = [];
    for (const box of innermost([...plans.keys()], (node) => node.parentElement)) {
      const { candidate, at100, axes } = plans.get(box) as { candidate: Candidate; at100: BoxMetrics; axes: Axes };
      const current = tokensOf(box);
      const tokens = relaxTokens(candidate.style, axes, current, at100);
      if (tokens.join(' ') === current.join(' ')) continue;
      setTokens(box, tokens);
      changed.push(box);
    }
    // Layout at 100% may have clamped the page's scroll position: give it back.
    if (window && (window.scrollX !== scroll[0] || window.scrollY !== scroll[1])) window.scrollTo(scroll[0], scroll[1]);
    return changed;
  }

  function setTokens(box: Element, tokens: string[]): void {
    box.setAttribute(UNCLIP_ATTRIBUTE, tokens.join(' '));
    const root = box.getRootNode() as StyleRoot;
    let sheet = sheets.get(root);
    if (!sheet) {
      sheet = document.createElement('style');
      sheet.dataset.easyread = 'unclip';
      sheets.set(root, sheet);
      (root === document ? document.documentElement : root)?.append(sheet);
    }
    const before = tokensInUse.size;
    for (const token of tokens) tokensInUse.add(token);
    if (tokensInUse.size !== before || !sheet.textContent) {
      const css = buildUnclipCss(tokensInUse);
      for (const style of sheets.values()) style.textContent = css;
    }
  }

  function onLoaded(): void {
    fullScan = true;
    schedule();
  }

  // Web fonts and late images change what fits after the first check.
  if (document.readyState !== 'complete') window?.addEventListener('load', onLoaded, { once: true });
  void document.fonts?.ready.then(() => !stopped && onLoaded());
  onLoaded();

  return {
    refresh(added) {
      if (stopped) return;
      if (!added) fullScan = true;
      for (const element of added ?? []) {
        queue.push(element);
        const root = element.getRootNode();
        if (root !== document && root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) shadowRoots.add(root as ShadowRoot);
      }
      schedule();
    },
    stop() {
      stopped = true;
      window?.removeEventListener('load', onLoaded);
      window?.cancelAnimationFrame(frame);
      window?.clearTimeout(fallback);
      for (const [root, sheet] of sheets) {
        for (const box of root.querySelectorAll(`[${UNCLIP_ATTRIBUTE}]`)) box.removeAttribute(UNCLIP_ATTRIBUTE);
        sheet.remove();
      }
      sheets.clear();
    },
  };
}
