/**
 * Labelled metadata blocks of government releases: "Release date / December 15, 2017", "Division in Charge / …",
 * "公表日", "担当", "お問い合わせ先". Readability keeps them as ordinary headings and paragraphs (so they end up in the
 * table of contents) or drops them as boilerplate; reading mode shows them as a separate list instead.
 *
 * Detection runs on a clone before extraction and marks what it consumed with MARK, so whichever content wins
 * (Readability's or the fallback's) can remove exactly those elements.
 */
import type { ArticleMetaEntry } from '../article';
import { findDate } from './dates';
import { collapseSpace, elementChildren, readableText, tagOf } from './dom';
import { hasChromeName, inChrome } from './page';

export const META_MARK = 'data-easyread-meta';

/** Labels whose value is the publication date. */
const DATE_LABELS = new Set([
  'release date',
  'date of release',
  'released',
  'date',
  'published',
  'publication date',
  'date published',
  'date of publication',
  'issued',
  'date of issue',
  'posted',
  '公表日',
  '発表日',
  '掲載日',
  '公開日',
  '公表年月日',
  '発表年月日',
  '掲載年月日',
  '報道発表日',
  '日付',
]);

const OTHER_LABELS = new Set([
  'last updated',
  'updated',
  'last modified',
  '更新日',
  '最終更新日',
  '更新年月日',
  'division in charge',
  'department in charge',
  'office in charge',
  'bureau in charge',
  'section in charge',
  'person in charge',
  'persons in charge',
  'in charge',
  'contact',
  'contacts',
  'contact information',
  'media contact',
  'press contact',
  'inquiries',
  'enquiries',
  'inquiries to',
  'for inquiries',
  '担当',
  '担当課',
  '担当課室',
  '担当部署',
  '担当部局',
  '担当部課',
  '担当室',
  '担当者',
  'お問い合わせ先',
  'お問い合わせ',
  'お問合せ先',
  'お問合せ',
  '問い合わせ先',
  '問合せ先',
  '問い合せ先',
  '本件に関するお問い合わせ先',
  '本件に関するお問合せ先',
  '連絡先',
  '照会先',
]);

/**
 * Labels that also head ordinary text: "Date: 15 January 2018" in the middle of a release is when a seminar takes
 * place, not when the release was published. Taken as metadata only outside the running text.
 */
const AMBIGUOUS_LABELS = new Set(['date', '日付']);

/** Values longer than this are sections of the text, not metadata (a "Contact" chapter of a long page). */
const MAX_VALUE = 400;
/** Longest label text, with decoration and ruby readings ("本件に関するお問い合わせ先【…】"). */
const MAX_LABEL = 60;
/** "Label: value" written as plain text in one short block. */
const MAX_INLINE_BLOCK = 300;

/** "【お問い合わせ先】", "■担当：", "Contact:" → "お問い合わせ先", "担当", "contact". */
function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^[\s■□●○◆◇▼▽・*※[【〔<《(]+/u, '')
    .replace(/[\s:：\]】〕>》)]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Cheap native check first: labels are short, and most elements of a page are not. */
function isShortText(el: Element, max: number): boolean {
  return (el.textContent ?? '').length <= max;
}

function isLabel(text: string): boolean {
  const key = labelKey(text);
  return DATE_LABELS.has(key) || OTHER_LABELS.has(key);
}

/** The label as the page shows it, without decoration: "【担当】" → "担当". */
function displayLabel(text: string): string {
  return collapseSpace(text)
    .replace(/^[\s■□●○◆◇▼▽・*※[【〔<《(（]+/u, '')
    .replace(/[\s:：\]】〕>》)）]+$/u, '');
}

/** Multi-line values keep their lines ("Office…\nTel: …"): the reader shows them as the page did. */
function valueText(nodes: Element[]): string {
  return nodes
    .map((node) => readableText(node))
    .filter(Boolean)
    .join('\n');
}

interface Found {
  entry: ArticleMetaEntry;
  consumed: Element[];
}

type Detector = (el: Element) => Found | null;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LEAD_TAGS = new Set(['strong', 'b', 'em', 'span']);
const INLINE_BLOCKS = new Set(['p', 'li', 'dd', 'div', 'td']);

/** <h2>Release date</h2><p>December 15, 2017</p>: the value runs to the next heading. */
const headingLabel: Detector = (el) => {
  if (!HEADINGS.has(tagOf(el)) || tagOf(el) === 'h1' || !isShortText(el, MAX_LABEL) || !isLabel(readableText(el))) return null;
  return labelWithFollowingSiblings(el, readableText(el));
};

function labelWithFollowingSiblings(label: Element, labelText: string): Found | null {
  const values: Element[] = [];
  for (let next = label.nextElementSibling; next && !HEADINGS.has(tagOf(next)); next = next.nextElementSibling) {
    values.push(next);
    if (values.length > 5) return null;
  }
  const value = valueText(values);
  if (!value || value.length > MAX_VALUE) return null;
  return { entry: { label: displayLabel(labelText), value }, consumed: [label, ...values] };
}

/** <dt>Contact</dt><dd>…</dd>, with every dd up to the next dt. */
const termLabel: Detector = (el) => {
  if (tagOf(el) !== 'dt' || !isShortText(el, MAX_LABEL) || !isLabel(readableText(el))) return null;
  const values: Element[] = [];
  for (let next = el.nextElementSibling; next && tagOf(next) === 'dd'; next = next.nextElementSibling) values.push(next);
  const value = valueText(values);
  if (!value || value.length > MAX_VALUE) return null;
  return { entry: { label: displayLabel(readableText(el)), value }, consumed: [el, ...values] };
};

/** <tr><th>担当</th><td>…</td></tr>: exactly a label cell and a value cell, so column headers never match. */
const rowLabel: Detector = (el) => {
  if (tagOf(el) !== 'th' || !isShortText(el, MAX_LABEL) || !isLabel(readableText(el))) return null;
  const row = el.parentElement;
  const cells = row ? elementChildren(row) : [];
  if (!row || cells.length !== 2 || cells[0] !== el || tagOf(cells[1]) !== 'td') return null;
  const value = valueText([cells[1]]);
  if (!value || value.length > MAX_VALUE) return null;
  return { entry: { label: displayLabel(readableText(el)), value }, consumed: [row] };
};

/** <p><strong>Contact:</strong> Office…</p>, or a bold label alone in its block with the value after it. */
const leadLabel: Detector = (el) => {
  if (!LEAD_TAGS.has(tagOf(el)) || !isShortText(el, MAX_LABEL) || !isLabel(readableText(el))) return null;
  const block = el.parentElement;
  if (!block || !INLINE_BLOCKS.has(tagOf(block))) return null;
  const blockText = readableText(block);
  const labelText = readableText(el);
  if (!blockText.startsWith(labelText)) return null;
  const rest = blockText.slice(labelText.length);
  // Bold reads as a label on its own; a plain span or em only when a colon says so.
  const bold = tagOf(el) === 'strong' || tagOf(el) === 'b';
  if (!bold && !/[:：]\s*$/.test(labelText) && !/^\s*[:：]/.test(rest)) return null;
  const value = rest.replace(/^[\s:：]+/, '');
  if (!value) return labelWithFollowingSiblings(block, labelText);
  if (value.length > MAX_VALUE) return null;
  return { entry: { label: displayLabel(labelText), value }, consumed: [block] };
};

/** <p>公表日：2024年4月15日</p>: label and value as plain text, separated by a colon. */
const inlineLabel: Detector = (el) => {
  if (!INLINE_BLOCKS.has(tagOf(el)) || !isShortText(el, MAX_INLINE_BLOCK * 2) || !/[:：]/.test(el.textContent ?? '')) return null;
  if (el.querySelector('p, div, li, table, ul, ol, dl')) return null;
  const text = readableText(el);
  if (text.length > MAX_INLINE_BLOCK) return null;
  const match = text.match(/^([^:：\n]{1,30})[:：]\s*([\s\S]+)$/);
  if (!match || !isLabel(match[1])) return null;
  return { entry: { label: displayLabel(match[1]), value: match[2].trim() }, consumed: [el] };
};

const CANDIDATES = 'h2, h3, h4, h5, h6, dt, th, strong, b, em, span, p, li, dd, div, td';
const DETECTORS = [headingLabel, termLabel, rowLabel, leadLabel, inlineLabel];

/**
 * Finds labelled metadata inside `scope` (outside page chrome), marks the elements that hold it with META_MARK
 * and returns the entries in page order.
 */
export function collectMetaBlocks(scope: Element): ArticleMetaEntry[] {
  const entries: ArticleMetaEntry[] = [];
  const prose = substantialParagraphs(scope);
  for (const el of Array.from(scope.querySelectorAll(CANDIDATES))) {
    const found = detect(el);
    // Checked after detection because most elements fail it first, and these walk up the tree.
    if (!found || el.closest(`[${META_MARK}]`) || inFurniture(el, scope)) continue;
    if (AMBIGUOUS_LABELS.has(labelKey(found.entry.label)) && isBetween(el, prose)) continue;
    entries.push(found.entry);
    for (const node of found.consumed) node.setAttribute(META_MARK, '');
  }
  return entries;
}

/** Site-wide footers of div-only layouts carry a "Contact" for the whole ministry, not for this page. */
function inFurniture(el: Element, scope: Element): boolean {
  if (inChrome(el, scope)) return true;
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) if (hasChromeName(node)) return true;
  return false;
}

/** Paragraphs of running text: a sentence or more (CJK packs more into each character). */
function substantialParagraphs(scope: Element): Element[] {
  return Array.from(scope.querySelectorAll('p')).filter((p) => {
    const text = readableText(p);
    const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    return text.length >= (cjk > text.length / 2 ? 40 : 80);
  });
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out: there is no Node global in Node tests.
const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING

function isBetween(el: Element, paragraphs: Element[]): boolean {
  const before = paragraphs.some((p) => !p.contains(el) && (el.compareDocumentPosition(p) & PRECEDING) !== 0);
  const after = paragraphs.some((p) => !p.contains(el) && (el.compareDocumentPosition(p) & FOLLOWING) !== 0);
  return before && after;
}

function detect(el: Element): Found | null {
  for (const detector of DETECTORS) {
    const found = detector(el);
    if (found) return found;
  }
  return null;
}

/**
 * The publication date from the first date-labelled entry, as written there. A value our patterns do not know
 * ("Dec 2017", "H29.12.15") still counts if it is short and has digits; "<b>Posted</b> by Ann" does not.
 */
export function publishedFromMeta(entries: ArticleMetaEntry[]): string | null {
  for (const { label, value } of entries) {
    if (!DATE_LABELS.has(labelKey(label))) continue;
    const date = findDate(value);
    if (date) return date;
    if (value.length <= 40 && /\d/.test(value)) return value;
  }
  return null;
}
