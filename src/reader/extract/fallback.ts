/**
 * A simplified view for pages that are not articles (indexes, tables of PDF files, forms), where Readability
 * returns nothing, a fragment, or drops the link lists that are the whole point of the page.
 */
import { readableText, roughTextLength, tagOf, textLength } from './dom';
import { findLandmark, hasChromeName, isHidden, isSemanticChrome, largestBlock } from './page';

/** Never useful in reading mode; their text is not content either. */
const JUNK = 'script, style, noscript, template, link, meta, iframe, frame, object, embed, canvas, dialog';
const CONTROLS = 'input, button, select, textarea, option, datalist, output, progress, meter';
/** A form with more text than this is probably a page wrapped in one (ASP.NET WebForms): unwrap, don't drop. */
const SMALL_FORM = 200;

/** The content element of the fallback view, inside `doc` (a clone), with furniture and controls removed. */
export function fallbackRoot(doc: Document, title: Element | null): Element | null {
  const body = doc.body;
  if (!body) return null;
  const landmark = findLandmark(doc);
  const root = landmark ?? body;
  stripFurniture(root, title);
  return landmark ?? largestBlock(body, title && body.contains(title) ? title : null);
}

function stripFurniture(root: Element, title: Element | null): void {
  for (const el of Array.from(root.querySelectorAll(JUNK))) el.remove();
  const total = roughTextLength(root);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el) || (title && el.contains(title))) continue;
    if (isSemanticChrome(el) || isHidden(el) || el.getAttribute('aria-hidden') === 'true' || isNamedChrome(el, total)) el.remove();
  }
  for (const form of Array.from(root.querySelectorAll('form'))) {
    if (form.getAttribute('role') === 'search' || textLength(form, { skip: isControl }) < SMALL_FORM) form.remove();
    else form.replaceWith(...Array.from(form.childNodes));
  }
  for (const el of Array.from(root.querySelectorAll(CONTROLS))) el.remove();
  // A label or legend left without its control is a stray word ("Search", "Go").
  for (const el of Array.from(root.querySelectorAll('label, legend'))) el.remove();
}

/** Named furniture (#gnav, .breadcrumb, #side); a "sidebar" holding most of the page is a mislabelled wrapper. */
function isNamedChrome(el: Element, total: number): boolean {
  const tag = tagOf(el);
  if (tag === 'main' || tag === 'article' || tag === 'body' || !hasChromeName(el)) return false;
  return roughTextLength(el) < total * 0.5;
}

function isControl(el: Element): boolean {
  return el.matches(CONTROLS) || tagOf(el) === 'label';
}

/**
 * Share of the text that reads as running prose rather than link lists or tables: text outside links, table cells
 * and headings, where a list item counts only if it has a sentence of its own (not "December 22, 2017 Statistics"
 * next to a link). Index pages and pages of PDF links score far below articles.
 */
export function proseShare(root: Element, total: number): number {
  if (total === 0) return 0;
  const prose = textLength(root, { skip: isNotProse });
  return prose / total;
}

const NOT_PROSE = new Set(['a', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'button', 'label', 'nav']);
const LIST_ITEM_SENTENCE = 60;

function isNotProse(el: Element): boolean {
  const tag = tagOf(el);
  if (NOT_PROSE.has(tag)) return true;
  return tag === 'li' && readableText(el, { skip: (inner) => tagOf(inner) === 'a' }).length < LIST_ITEM_SENTENCE;
}
