/**
 * Puts back what Readability drops next to the article that readers need: the lead (standfirst) and the lead
 * photo with its caption between the title and the body, and captioned figures, tables and lists inside the body
 * (Readability's conditional cleaning removes a figure of a class it dislikes, a list of short items with a link
 * each, a table it takes for layout).
 *
 * Blocks are numbered on the clone before Readability runs (an attribute, removed again with forgetBlocks); the
 * same numbering over the untouched document gives each block's original, which is what comes back.
 * Only blocks that are not page furniture, not hidden, not boilerplate and not link lists are restored.
 */
import { collapseSpace, readableText, tagOf } from './dom';
import { META_MARK } from './meta-blocks';
import { hasChromeName, inChrome, isHidden } from './page';
import { protectRuby } from './ruby';

export const BLOCK_MARK = 'data-easyread-block';
const BLOCKS = 'p, figure, table, ul, ol, dl, blockquote, pre, h2, h3, h4, h5, h6';
/** Kinds restored inside the body; before it (the lead), also paragraphs. */
const BODY_KINDS = new Set(['figure', 'table', 'ul', 'ol', 'dl']);
const LEAD_MIN_TEXT = 40;

export interface BlockMap {
  /** Number of blocks before the title heading (the lead zone starts there). */
  afterTitle: number;
  count: number;
}

/** Numbers the clone's blocks in document order. */
export function numberBlocks(clone: Document, title: Element | null): BlockMap {
  const blocks = Array.from(clone.body?.querySelectorAll(BLOCKS) ?? []);
  for (const [index, block] of blocks.entries()) block.setAttribute(BLOCK_MARK, String(index));
  return { afterTitle: title ? blocksBefore(blocks, title) : 0, count: blocks.length };
}

/** How many of the blocks (in document order) come before `title`: a binary search, pages have thousands. */
function blocksBefore(blocks: Element[], title: Element): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    // 2 = DOCUMENT_POSITION_PRECEDING: the block comes before the title.
    if (title.compareDocumentPosition(blocks[middle]) & 2) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function forgetBlocks(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(`[${BLOCK_MARK}]`))) el.removeAttribute(BLOCK_MARK);
}

/**
 * Inserts into Readability's `root` the originals (from `source`, the untouched document) of blocks it dropped,
 * each after the nearest block before it that is shown. `kept` tells which numbers the clone still had when
 * Readability started (boilerplate removed before that is never restored).
 */
export function restoreDropped(root: Element, source: Document, map: BlockMap, kept: Set<number>, byline: string | null): void {
  const shown = new Map<number, Element>();
  for (const el of Array.from(root.querySelectorAll(`[${BLOCK_MARK}]`))) shown.set(Number(el.getAttribute(BLOCK_MARK)), el);
  if (shown.size === 0) return;
  const numbers = [...shown.keys()].sort((a, b) => a - b);
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  let missing = false;
  for (let index = map.afterTitle; index < last && !missing; index++) missing = !shown.has(index) && kept.has(index);
  if (!missing) return; // the usual case on long pages: nothing to look up in the original
  const originals = Array.from(source.body?.querySelectorAll(BLOCKS) ?? []);
  if (originals.length !== map.count) return; // not the same document: nothing can be matched safely
  const scope = source.body;
  const restored: Element[] = [];
  for (let index = map.afterTitle; index < last; index++) {
    if (shown.has(index) || !kept.has(index)) continue;
    const original = originals[index];
    if (restored.some((done) => done.contains(original)) || showsPartOf(original, index, shown)) continue;
    const lead = index < first;
    if (!restorable(original, lead, scope) || isByline(original, byline)) continue;
    const copy = root.ownerDocument.importNode(original, true);
    protectRuby(copy);
    // As Readability leaves its own blocks: no page classes or inline styles.
    for (const el of [copy, ...Array.from(copy.querySelectorAll('[class], [style]'))]) {
      el.removeAttribute('class');
      el.removeAttribute('style');
    }
    copy.setAttribute(BLOCK_MARK, String(index));
    insertAfterPrevious(root, copy, index, shown, first);
    shown.set(index, copy);
    restored.push(original);
  }
}

/** Blocks inside a block follow it in the numbering: is any of them shown (so restoring it would repeat them)? */
function showsPartOf(original: Element, index: number, shown: Map<number, Element>): boolean {
  const inner = original.querySelectorAll(BLOCKS).length;
  for (let i = index + 1; i <= index + inner; i++) if (shown.has(i)) return true;
  return false;
}

function restorable(el: Element, lead: boolean, scope: Element | null): boolean {
  const kind = tagOf(el);
  if (!(BODY_KINDS.has(kind) || (lead && kind === 'p'))) return false;
  if (el.querySelector(`[${META_MARK}], h1`) || inChrome(el, scope)) return false;
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) {
    if (isHidden(node) || node.getAttribute('aria-hidden') === 'true') return false;
    // A box around the page's title ("entry-header") holds the lead, whatever its name says.
    if (node !== el && hasChromeName(node) && !node.querySelector('h1')) return false;
  }
  const text = readableText(el);
  if (kind === 'figure') return text.length > 0 || el.querySelector('img, picture') !== null;
  if (kind === 'p') return text.length >= LEAD_MIN_TEXT && linkShare(el, text) < 0.3;
  if (kind === 'table') return text.length > 0;
  // Lists and definition lists: content, not a list of links (navigation, related stories).
  return text.length > 0 && linkShare(el, text) < 0.5;
}

/** Readability shows the byline on its own (and took it out of the body for that). */
function isByline(el: Element, byline: string | null): boolean {
  return byline !== null && byline !== '' && collapseSpace(readableText(el)).includes(collapseSpace(byline));
}

function linkShare(el: Element, text: string): number {
  const links = Array.from(el.querySelectorAll('a')).reduce((sum, link) => sum + readableText(link).length, 0);
  return text.length === 0 ? 0 : links / text.length;
}

/** After the outermost shown block that comes before `index`, or before the first shown block. */
function insertAfterPrevious(root: Element, copy: Element, index: number, shown: Map<number, Element>, first: number): void {
  let previous: Element | undefined;
  for (let i = index - 1; i >= 0 && !previous; i--) previous = shown.get(i);
  if (!previous) {
    outermost(shown.get(first) as Element, root).before(copy);
    return;
  }
  outermost(previous, root).after(copy);
}

/** The outermost numbered block around `el` inside `root` (so nothing lands inside a list item or a cell). */
function outermost(el: Element, root: Element): Element {
  let top = el;
  for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
    if (node.hasAttribute(BLOCK_MARK)) top = node;
  }
  return top;
}
