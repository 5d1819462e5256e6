/** Page-level facts Readability does not provide, or gets wrong on government pages: title, date, language. */
import { dateFromTimestamp, findDate, isDateOnly } from './dates';
import { collapseSpace, readableText, tagOf } from './dom';
import { inChrome } from './page';

export const TITLE_MARK = 'data-easyread-title';

function metaContent(doc: Document, names: string[]): string | null {
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = collapseSpace(meta.getAttribute('content') ?? '');
    if (content && names.includes(key)) return content;
  }
  return null;
}

export function siteNameOf(doc: Document): string | null {
  return metaContent(doc, ['og:site_name', 'application-name']);
}

// ---------------------------------------------------------------------------------------------------------------
// Title

/**
 * The h1 that titles the content. Sites often put their logo in an h1 too, so: h1s outside page chrome, those in
 * the main landmark first, and among several the one the document title starts with ("Press Releases | Ministry").
 */
export function findTitleHeading(doc: Document, scope: Element | null): Element | null {
  const candidates = Array.from(doc.querySelectorAll('h1')).filter((h1) => readableText(h1) && !inChrome(h1, null));
  const inScope = candidates.filter((h1) => scope?.contains(h1));
  const pool = inScope.length > 0 ? inScope : candidates;
  if (pool.length <= 1) return pool[0] ?? null;
  const docTitle = collapseSpace(doc.title);
  const mainPart = stripSiteSuffix(docTitle, siteNameOf(doc));
  const score = (h1: Element): number => {
    const text = readableText(h1);
    if (mainPart.includes(text) || text.includes(mainPart)) return 2;
    return docTitle.includes(text) ? 1 : 0;
  };
  return pool.reduce((best, h1) => (score(h1) > score(best) ? h1 : best));
}

const SEPARATORS = [' | ', '｜', ' - ', ' – ', ' — ', ' :: ', ' / ', ' « ', ' » '];

/** "Press Releases | Ministry of X" → "Press Releases"; "Title (METI)" only when "METI" is the known site name. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  let text = collapseSpace(title);
  if (siteName) {
    for (const open of ['(', '（']) {
      const close = open === '(' ? ')' : '）';
      const suffix = `${open}${siteName}${close}`;
      if (text.endsWith(suffix)) text = text.slice(0, -suffix.length).trim();
    }
  }
  for (const separator of SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at <= 0) continue;
    const head = text.slice(0, at).trim();
    const tail = text.slice(at + separator.length).trim();
    // A site name is short and leaves a real title in front of it; "Results - detailed tables for 2017" is one title.
    if ((siteName && tail === siteName) || (tail.length <= 60 && looksLikeTitle(head))) return head;
  }
  return text;
}

function looksLikeTitle(text: string): boolean {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return cjk >= 4 || text.split(/\s+/).length >= 2;
}

/** h1 first, then og:title, then Readability's, then <title>; all without a " | Site name" suffix. */
export function chooseTitle(doc: Document, headingText: string, readabilityTitle: string | null): string {
  const siteName = siteNameOf(doc);
  const fromHeading = collapseSpace(headingText);
  if (fromHeading) return fromHeading;
  for (const candidate of [metaContent(doc, ['og:title', 'twitter:title']), readabilityTitle, doc.title]) {
    const title = candidate ? stripSiteSuffix(candidate, siteName) : '';
    if (title) return title;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------------------
// Publication date (labelled blocks come first; see meta-blocks.ts)

const TIMESTAMP_META = [
  'article:published_time',
  'og:published_time',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'dc.date.issued',
  'date',
  'citation_publication_date',
  'publish-date',
  'pubdate',
  'datepublished',
];

/**
 * A date the page shows for itself, in order of trust: a <time> in the content (not one in a list of links, which
 * dates the linked items), a line that is only a date near the top ("2024年4月15日" above the h1), then the
 * machine-readable meta tags.
 */
export function findPublished(doc: Document, scope: Element | null): string | null {
  return (scope && (timeElementDate(scope) ?? standaloneDate(scope))) ?? timestampFromMeta(doc);
}

function timeElementDate(scope: Element): string | null {
  for (const time of Array.from(scope.querySelectorAll('time, [itemprop="datePublished"]'))) {
    if (time.closest('li, tr, a') || inChrome(time, scope)) continue;
    const shown = findDate(readableText(time));
    if (shown) return shown;
    const machine = time.getAttribute('datetime') ?? time.getAttribute('content');
    const date = machine ? dateFromTimestamp(machine) : null;
    if (date) return date;
  }
  return null;
}

const LEAF_BLOCKS = 'p, div, span, time, h2, h3, h4, h5, h6, dd';

/** Looks only at the top of the content: up to the first real paragraph, list or table. */
function standaloneDate(scope: Element): string | null {
  for (const el of Array.from(scope.querySelectorAll(`${LEAF_BLOCKS}, ul, ol, table, dl`))) {
    if (inChrome(el, scope)) continue;
    const tag = tagOf(el);
    if (tag === 'ul' || tag === 'ol' || tag === 'table' || tag === 'dl') return null;
    const text = readableText(el);
    if (isDateOnly(text)) return findDate(text);
    if (tag === 'p' && text.length >= 80) return null;
  }
  return null;
}

function timestampFromMeta(doc: Document): string | null {
  const value = metaContent(doc, TIMESTAMP_META);
  return value ? dateFromTimestamp(value) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Language and direction

export function declaredLang(doc: Document, scope: Element | null): string | null {
  const holder = scope?.closest('[lang]') ?? doc.documentElement;
  return canonicalLang(holder?.getAttribute('lang') ?? holder?.getAttribute('xml:lang'));
}

/** A well-formed BCP 47 tag in its canonical form ("EN-us" → "en-US"), or null: a page's raw lang is never passed on. */
export function canonicalLang(raw: string | null | undefined): string | null {
  const tag = raw?.trim();
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function directionOf(doc: Document, scope: Element | null, lang: string): 'ltr' | 'rtl' {
  const declared = (scope?.closest('[dir]') ?? doc.body?.closest('[dir]'))?.getAttribute('dir')?.toLowerCase();
  if (declared === 'rtl' || declared === 'ltr') return declared;
  return RTL_LANGS.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}

const ENGLISH_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'is', 'for', 'on', 'that', 'with', 'are', 'was', 'be', 'by', 'this']);

/**
 * For pages without lang: Japanese when most letters are kana or kanji (kana tells it from Chinese),
 * English when common English words are frequent, else "und" (BCP 47 for undetermined).
 */
export function detectLang(text: string): string {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'und';
  const kana = text.match(/[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  if ((kana + han) / letters >= 0.3) return kana >= (kana + han) * 0.02 ? 'ja' : 'zh';
  if (hangul / letters >= 0.3) return 'ko';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  return words.length > 0 && english / words.length >= 0.05 ? 'en' : 'und';
}

/** Marks the chosen title heading, so it can be found (and left out of the body) after Readability rewrote the clone. */
export function markTitle(heading: Element | null): void {
  heading?.setAttribute(TITLE_MARK, '');
}
