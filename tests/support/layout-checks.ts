/**
 * What a reader loses when text outgrows its box, measured in the page for
 * Playwright and Puppeteer pages alike: which text is cut off (and by which
 * box), and which text is drawn over other text. Boxes are named by the
 * nearest `data-box` attribute of the fixture.
 */
import { evaluateIn, type ScriptTarget } from './page-checks';

export interface LayoutReport {
  /** Boxes (data-box names) that hide part of a text inside them, sorted. Scroll containers do not count: their text can be scrolled to. */
  clipped: string[];
  /** Pairs of boxes whose text is drawn over each other's, sorted. */
  overlaps: string[];
}

/** Runs in the page; self-contained (sent as source text). */
function measureLayout(): LayoutReport {
  type Box = { left: number; top: number; right: number; bottom: number };
  const name = (element: Element) => element.closest('[data-box]')?.getAttribute('data-box') ?? element.localName;
  const intersect = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const empty = (box: Box) => box.right - box.left <= 0 || box.bottom - box.top <= 0;
  /** The padding box of an element, where its overflow is clipped. */
  function paddingBox(element: Element): Box {
    const rect = element.getBoundingClientRect();
    const left = rect.left + element.clientLeft;
    const top = rect.top + element.clientTop;
    return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
  }
  const clippedBy = new Set<string>();
  const shown: { node: Text; box: Box; name: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || !/\S/.test(node.data) || parent.closest('script, style, template')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      let visible: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      // Glyph boxes may stick out of their line by a pixel or two; only more than that is lost.
      const needed: Box = { left: rect.left + 2, top: rect.top + 2, right: rect.right - 2, bottom: rect.bottom - 2 };
      let cutBy: string | undefined;
      for (let box: Element | null = parent; box && box !== document.documentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        const clipsAll = style.clip !== 'auto' || style.clipPath !== 'none';
        const scrolls = /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`);
        const clipsX = style.overflowX !== 'visible';
        const clipsY = style.overflowY !== 'visible';
        if (!clipsAll && !clipsX && !clipsY) continue;
        const pad = paddingBox(box);
        const limit: Box = clipsAll
          ? { left: 0, top: 0, right: 0, bottom: 0 }
          : {
              left: clipsX ? pad.left : -1e9,
              top: clipsY ? pad.top : -1e9,
              right: clipsX ? pad.right : 1e9,
              bottom: clipsY ? pad.bottom : 1e9,
            };
        const next = intersect(visible, limit);
        const lost = next.left > needed.left || next.top > needed.top || next.right < needed.right || next.bottom < needed.bottom;
        if (lost && !scrolls && cutBy === undefined) cutBy = name(box);
        visible = next;
      }
      if (cutBy !== undefined) clippedBy.add(cutBy);
      if (!empty(visible)) shown.push({ node, box: visible, name: name(parent) });
    }
  }
  const overlaps = new Set<string>();
  for (const [i, a] of shown.entries()) {
    for (const b of shown.slice(i + 1)) {
      if (a.node === b.node) continue;
      const common = intersect(a.box, b.box);
      const height = common.bottom - common.top;
      const lower = Math.min(a.box.bottom - a.box.top, b.box.bottom - b.box.top);
      // Neighbouring lines may touch where glyph boxes are taller than the line; overlapping text covers more.
      if (common.right - common.left > 2 && height > 2 && height > lower * 0.3) overlaps.add([a.name, b.name].sort().join(' × '));
    }
  }
  return { clipped: [...clippedBy].sort(), overlaps: [...overlaps].sort() };
}

export function layoutReport(page: ScriptTarget): Promise<LayoutReport> {
  return evaluateIn(page, measureLayout, undefined);
}

/** The border box of the first element matching selector, in CSS px. */
export function boxOf(
  page: ScriptTarget,
  selector: string,
): Promise<{ width: number; height: number; scrollWidth: number; scrollHeight: number }> {
  return evaluateIn(
    page,
    (sel) => {
      const element = document.querySelector(sel);
      if (!element) throw new Error(`${sel} not found`);
      const rect = element.getBoundingClientRect();
      return { width: rect.width, height: rect.height, scrollWidth: element.scrollWidth, scrollHeight: element.scrollHeight };
    },
    selector,
  );
}

/** Polls (not rAF: a background tab may not paint) until the report equals `expected`; returns the last report seen. */
export async function waitForLayout(page: ScriptTarget, expected: LayoutReport, timeoutMs = 10_000): Promise<LayoutReport> {
  const deadline = Date.now() + timeoutMs;
  let report = await layoutReport(page);
  while (JSON.stringify(report) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    report = await layoutReport(page);
  }
  return report;
}
