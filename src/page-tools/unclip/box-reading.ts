/**
 * Reading boxes for unclip: their scroll and client sizes and the computed
 * styles a decision needs, now and as they were at 100%.
 */
import { ourMarker } from '../../content/page-names';
import { isSizeAttribute } from '../../content/text-scale/scale-css';
import type { BoxMetrics, BoxStyle } from './unclip-plan';

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Never relaxed: the page itself, replaced elements (images and media keep their size) and text fields, which scroll. */
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
const TEXT_SCALE_STYLES = `style[${ourMarker()}="t"]`;

export function canRelax(box: Element): boolean {
  return box.namespaceURI === XHTML && !NEVER.has(box.tagName);
}

export const metricsOf = (box: Element): BoxMetrics => ({
  scrollWidth: box.scrollWidth,
  clientWidth: box.clientWidth,
  scrollHeight: box.scrollHeight,
  clientHeight: box.clientHeight,
});

export function styleOf(box: Element): BoxStyle {
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

/** The pin attributes named in our text-size sheets, as a selector ('' if none). */
function pinSelector(document: Document): string {
  const names = new Set<string>();
  for (const style of document.querySelectorAll(TEXT_SCALE_STYLES)) {
    for (const [, name] of (style.textContent ?? '').matchAll(/\[([\w-]+)\]/g)) if (isSizeAttribute(name)) names.add(name);
  }
  return Array.from(names, (name) => `[${name}]`).join(',');
}

/**
 * Each box's metrics at 100%, read in one go with the text-size pins lifted
 * from the box's parent, its pinned descendants and ancestors (as the scaler
 * does to measure), then put back: nothing is painted that way. Only those
 * subtrees are restyled; disabling our text-size sheets instead relaid out
 * the whole page, ~1 s each way on the 20,000-element page. Gives back the
 * page's scroll position if the shorter layout clamped it.
 */
export function measureAt100(document: Document, boxes: readonly Element[]): BoxMetrics[] {
  const window = document.defaultView;
  const selector = pinSelector(document);
  const lifted: [Element, string][] = [];
  const visited = new Set<Element>();
  const lift = (element: Element) => {
    if (visited.has(element)) return false;
    visited.add(element);
    for (const name of element.getAttributeNames()) {
      if (!isSizeAttribute(name)) continue;
      lifted.push([element, name]);
      element.removeAttribute(name);
    }
    return true;
  };
  for (const box of boxes) {
    // With its siblings: in a flex row, their size decides how wide the box was at 100%.
    const parent = box.parentElement;
    const scope = parent && canRelax(parent) ? parent : box;
    for (let node: Element | null = scope; node && lift(node); node = node.parentElement);
    if (selector) for (const element of scope.querySelectorAll(selector)) lift(element);
  }
  const scroll = window ? [window.scrollX, window.scrollY] : [0, 0];
  try {
    return boxes.map(metricsOf);
  } finally {
    const clamped = window && (window.scrollX !== scroll[0] || window.scrollY !== scroll[1]);
    for (const [element, name] of lifted) element.setAttribute(name, '');
    if (clamped) window?.scrollTo(scroll[0], scroll[1]);
  }
}
