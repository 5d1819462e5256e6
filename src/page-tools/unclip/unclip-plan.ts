/**
 * Pure part of "unclip": which boxes cut off (or spill) text that they showed
 * whole at 100%, and the stylesheet rules that give that text room.
 *
 * A relaxed box carries tokens in one attribute (data-<token>-u="h15000 w"; see page-names.ts);
 * one rule per token in our cascade layer beats the page's own !important
 * rules. Tokens are per axis: a carousel that hides its other slides
 * sideways may still grow taller, and stays one slide wide.
 */
import { layerOrder, ourMarker, textLayer } from '../../content/page-names';

export const UNCLIP_ATTRIBUTE = `${ourMarker()}-u`;

export interface BoxMetrics {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
}

/** The computed styles a decision needs, copied out of a CSSStyleDeclaration. */
export interface BoxStyle {
  overflowX: string;
  overflowY: string;
  clip: string;
  clipPath: string;
  whiteSpace: string;
  display: string;
  flexDirection: string;
  flexWrap: string;
  /** Used height in px, as getComputedStyle reports it (in the box's own box-sizing). */
  height: string;
}

export interface Axes {
  x: boolean;
  y: boolean;
}

/** Layout rounds sizes to whole px: 1 px more is not overflow. */
const SLACK = 1;

export function overflowOf(metrics: BoxMetrics): { x: number; y: number } {
  return { x: metrics.scrollWidth - metrics.clientWidth, y: metrics.scrollHeight - metrics.clientHeight };
}

export function overflowsAtAll(metrics: BoxMetrics): boolean {
  const { x, y } = overflowOf(metrics);
  return x > SLACK || y > SLACK;
}

/**
 * Boxes that hide text on purpose, whatever it overflows by: the
 * visually-hidden pattern for screen readers (1 px box, `clip`, `clip-path`)
 * and other clipped shapes.
 */
export function hidesOnPurpose(style: BoxStyle, metrics: BoxMetrics): boolean {
  return (style.clip !== 'auto' && style.clip !== '') || style.clipPath !== 'none' || metrics.clientWidth <= 1 || metrics.clientHeight <= 1;
}

const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/**
 * A box that already hid more than a sliver of its content at 100% does it on
 * purpose (a carousel's other slides, a teaser clamped to its first lines).
 * Glyphs sticking out of a tight line by a few px are not that.
 */
export function hidOnPurpose(overflowAt100: number, sizeAt100: number): boolean {
  return overflowAt100 > Math.max(4, sizeAt100 * 0.1);
}

/**
 * The axes in which a box now cuts off or spills text it showed whole at
 * 100%. Scroll containers are left alone: their text can be scrolled to.
 */
export function newlyOverflowing(style: BoxStyle, now: BoxMetrics, at100: BoxMetrics): Axes {
  const nowBy = overflowOf(now);
  const at100By = overflowOf(at100);
  const axis = (overflow: string, by: number, before: number, size: number) =>
    !scrolls(overflow) && by > SLACK && by > before + SLACK && !hidOnPurpose(before, size);
  return {
    x: axis(style.overflowX, nowBy.x, at100By.x, at100.clientWidth),
    y: axis(style.overflowY, nowBy.y, at100By.y, at100.clientHeight),
  };
}

/** Tokens for a box that overflows in `axes`, added to those it has (relaxing only ever adds). */
export function relaxTokens(style: BoxStyle, axes: Axes, current: readonly string[], at100: BoxMetrics): string[] {
  const tokens = new Set(current);
  if (axes.x) {
    tokens.add('x');
    // Ellipsis titles and pills: wrap instead of running out of the box.
    if (style.whiteSpace === 'nowrap') tokens.add('w');
    else if (style.whiteSpace === 'pre') tokens.add('p');
    if (style.display.endsWith('flex') && style.flexDirection.startsWith('row') && style.flexWrap === 'nowrap') tokens.add('f');
  }
  if (axes.y) {
    const height = Number.parseFloat(style.height);
    if (![...tokens].some((token) => token.startsWith('h')) && Number.isFinite(height)) {
      // The original height stays the least, so a box that still fits keeps its exact layout.
      tokens.add(`h${Math.round(height * 100)}`);
    } else if (style.overflowY !== 'visible' && !hidOnPurpose(overflowOf(at100).x, at100.clientWidth)) {
      // Free to grow and still cut (its height is set from outside, e.g. a stretched flex item): show it.
      tokens.add('v');
    }
  }
  return [...tokens].sort();
}

const RULES: Record<string, string> = {
  x: 'overflow-wrap:anywhere!important;text-overflow:clip!important',
  w: 'white-space:normal!important',
  p: 'white-space:pre-wrap!important',
  f: 'flex-wrap:wrap!important',
  v: 'overflow:visible!important',
};

function declarations(token: string): string | undefined {
  if (!/^h\d+$/.test(token)) return RULES[token];
  const minHeight = Number(token.slice(1)) / 100;
  return `height:auto!important;min-height:${minHeight}px!important;max-height:none!important;-webkit-line-clamp:none!important;line-clamp:none!important`;
}

/** One rule per token in use, in the text-size cascade layer (see layers.ts); '' for none. */
export function buildUnclipCss(tokens: Iterable<string>): string {
  const rules: string[] = [];
  for (const token of [...new Set(tokens)].sort()) {
    const body = declarations(token);
    if (body) rules.push(`[${UNCLIP_ATTRIBUTE}~="${token}"]{${body}}`);
  }
  return rules.length === 0 ? '' : `${layerOrder()}\n@layer ${textLayer()}{\n${rules.join('\n')}\n}`;
}

/**
 * Of the boxes that overflow, only those with no overflowing box inside them
 * are relaxed in one pass: an outer box often overflows only because an inner
 * one spills, and is checked again once the inner one has room.
 */
export function innermost<T>(boxes: readonly T[], parentOf: (box: T) => T | null): T[] {
  const set = new Set(boxes);
  const outer = new Set<T>();
  for (const box of boxes) {
    for (let parent = parentOf(box); parent !== null; parent = parentOf(parent)) {
      if (outer.has(parent)) break;
      if (set.has(parent)) outer.add(parent);
    }
  }
  return boxes.filter((box) => !outer.has(box));
}
