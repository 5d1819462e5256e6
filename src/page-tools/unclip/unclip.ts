/**
 * Unclip (browser glue around unclip-plan.ts): while text is enlarged, boxes
 * of fixed size that would cut off or spill text they showed whole at 100%
 * get room (height to auto with the old height as least, wrapping instead of
 * an ellipsis, no line clamp) through our own stylesheet rules.
 *
 * After a scale change every box of the page is read (a walk in short
 * slices: only boxes whose content overflows them get a closer look); after
 * newly pinned text, the boxes around it (up to CANDIDATE_DEPTH levels up).
 * Boxes that overflow now are then measured once more at 100% (box-reading.ts)
 * and only then written to (relaxed-boxes.ts). stop() removes every
 * attribute and stylesheet.
 */
import { canRelax, measureAt100, metricsOf, styleOf } from './box-reading';
import { createRelaxedBoxes } from './relaxed-boxes';
import {
  type Axes,
  type BoxMetrics,
  type BoxStyle,
  hidesOnPurpose,
  innermost,
  newlyOverflowing,
  overflowsAtAll,
  relaxTokens,
} from './unclip-plan';

export interface Unclip {
  /** Check the boxes around these newly pinned elements, or every box after a scale change. */
  refresh(added?: readonly Element[]): void;
  stop(): void;
}

/** A box that overflows now, as read at the current size. */
interface Candidate {
  style: BoxStyle;
  metrics: BoxMetrics;
}

/** A fixed-height card's text sits a few levels below it (card > body > p > a). */
const CANDIDATE_DEPTH = 6;
/** Reads per task, so no task of ours blocks the page for long. */
const SLICE_MS = 8;
/** Boxes measured again at 100% per pass (each restyles its parent's subtree twice). */
const MAX_BOXES_PER_PASS = 1_000;
/** More newly pinned elements than this are checked by one walk over the page. */
const FULL_SCAN_ABOVE = 2_000;
/** Outer boxes are relaxed after inner ones, one level per pass. */
const MAX_PASSES = 8;
/** Style edits that can change how a box clips (animations writing transforms every frame are not). */
const CLIP_RELATED_STYLE = /height|overflow|display|clamp|white-space|flex|grid|--/i;

export function startUnclip(document: Document): Unclip {
  const window = document.defaultView;
  const relaxed = createRelaxedBoxes(document);
  /** Newly pinned elements whose surrounding boxes are still to be read, and how far we are. */
  let queue: Element[] = [];
  let cursor = 0;
  /** A full scan walks every element of the document and of open shadow roots met on the way. */
  let fullScan = true;
  let walkers: TreeWalker[] = [];
  let seen = new Set<Element>();
  /** Relaxed boxes whose page styles changed (an accordion collapsing): do they still need us? */
  const toReview = new Set<Element>();
  let overflowing = new Map<Element, Candidate>();
  let passes = 0;
  let frame = 0;
  let stopped = false;

  function schedule(): void {
    if (frame || stopped || !window) return;
    // Reads start once a frame is rendered and the page is idle, when layout is clean (a scale change's
    // relayout is the browser's, in its own task, not inside ours); the timeout is for documents that are
    // not rendered.
    frame = window.requestIdleCallback(run, { timeout: 1_000 });
  }

  /** Keeps a box if it overflows now and does not hide on purpose. */
  function check(box: Element): void {
    if (!canRelax(box)) return;
    const metrics = metricsOf(box);
    if (!overflowsAtAll(metrics)) return;
    const style = styleOf(box);
    if (!hidesOnPurpose(style, metrics)) overflowing.set(box, { style, metrics });
  }

  /** The boxes around newly pinned text, a few levels up. */
  function checkAround(element: Element): void {
    let box: Element | null = element;
    for (let depth = 0; box && depth <= CANDIDATE_DEPTH; depth++, box = box.parentElement) {
      if (seen.has(box)) continue;
      seen.add(box);
      check(box);
    }
  }

  /** Next element of the full scan, entering open shadow roots (the scaler scales text there too). */
  function nextInWalk(): Element | null {
    while (walkers.length > 0) {
      const element = walkers[0].nextNode() as Element | null;
      if (!element) {
        walkers.shift();
        continue;
      }
      if (element.shadowRoot) walkers.push(document.createTreeWalker(element.shadowRoot, NodeFilter.SHOW_ELEMENT));
      return element;
    }
    return null;
  }

  /** Reads in slices of SLICE_MS (checking the clock every 16 boxes); true when all is read. */
  function readSlice(): boolean {
    const deadline = performance.now() + SLICE_MS;
    for (let count = 1; count % 16 !== 0 || performance.now() < deadline; count++) {
      if (cursor < queue.length) {
        const element = queue[cursor++];
        if (element.isConnected) checkAround(element);
        continue;
      }
      const element = nextInWalk();
      if (!element) return true;
      check(element);
    }
    return false;
  }

  function run(): void {
    window?.cancelIdleCallback(frame);
    frame = 0;
    if (stopped) return;
    if (toReview.size > 0) reviewChanged();
    if (fullScan) {
      fullScan = false;
      walkers = [document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT)];
      overflowing = new Map();
    }
    if (!readSlice()) {
      schedule();
      return;
    }
    const found = new Map([...overflowing].slice(0, MAX_BOXES_PER_PASS));
    queue = [];
    cursor = 0;
    seen = new Set();
    overflowing = new Map();
    if (relax(found).length > 0 && ++passes < MAX_PASSES) {
      // Outer boxes that overflowed because of these get their turn once these have room.
      queue = [...found.keys()];
      schedule();
    } else {
      passes = 0;
    }
  }

  /** Relaxes the innermost boxes that cut off text they showed whole at 100%; returns those changed. */
  function relax(found: Map<Element, Candidate>): Element[] {
    const boxes = [...found.keys()].filter((box) => box.isConnected);
    if (boxes.length === 0) return [];
    const measured = measureAt100(document, boxes);
    const plans = new Map<Element, { candidate: Candidate; at100: BoxMetrics; axes: Axes }>();
    boxes.forEach((box, i) => {
      const candidate = found.get(box) as Candidate;
      const axes = newlyOverflowing(candidate.style, candidate.metrics, measured[i]);
      if (axes.x || axes.y) plans.set(box, { candidate, at100: measured[i], axes });
    });
    const changed: Element[] = [];
    for (const box of innermost([...plans.keys()], (node) => node.parentElement)) {
      const { candidate, at100, axes } = plans.get(box) as { candidate: Candidate; at100: BoxMetrics; axes: Axes };
      const current = relaxed.tokensOf(box);
      const tokens = relaxTokens(candidate.style, axes, current, at100);
      if (tokens.join(' ') === current.join(' ')) continue;
      relaxed.set(box, tokens);
      changed.push(box);
    }
    return changed;
  }

  /**
   * A box the page now hides (collapsed: 0 px high) or that fits on its own
   * loses our rules, decided with them off for one read: kept, they would
   * hold a collapsing accordion open.
   */
  function reviewChanged(): void {
    const boxes = [...toReview].filter((box) => box.isConnected);
    toReview.clear();
    relaxed.review(boxes, (box) => {
      const metrics = metricsOf(box);
      return overflowsAtAll(metrics) && !hidesOnPurpose(styleOf(box), metrics);
    });
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      const style = `${record.oldValue ?? ''} ${target.getAttribute('style') ?? ''}`;
      if (record.attributeName === 'style' && !CLIP_RELATED_STYLE.test(style)) continue;
      for (const box of relaxed.within(target)) toReview.add(box);
    }
    if (toReview.size > 0) schedule();
  });
  observer.observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['class', 'style'] });

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
      // Many at once (a remeasure of the whole page): one walk is cheaper than looking around each.
      if (!added || added.length > FULL_SCAN_ABOVE) fullScan = true;
      else for (const element of added) queue.push(element);
      schedule();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      window?.removeEventListener('load', onLoaded);
      window?.cancelIdleCallback(frame);
      relaxed.clear();
    },
  };
}
