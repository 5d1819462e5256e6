/**
 * Reading-mode extraction. Pure: no extension APIs, no globals beyond URL, runs on a live page in a content script
 * and on a jsdom/linkedom Document in tests. Readability does the article detection; this module adds what it lacks
 * (government meta blocks, ruby, heading ids, a fallback view for non-article pages) and never touches the live
 * page: everything runs on clones.
 */
import { Readability } from '@mozilla/readability';
import type { Article, ArticleMetaEntry } from './article';
import { removeBoilerplate } from './extract/boilerplate';
import { type FinishedContent, finishContent, resolve } from './extract/content';
import { dateFromTimestamp } from './extract/dates';
import { charCount, collapseSpace, readableText } from './extract/dom';
import { fallbackRoot, proseShare } from './extract/fallback';
import { collectMetaBlocks, publishedFromMeta } from './extract/meta-blocks';
import {
  chooseTitle,
  declaredLang,
  detectLang,
  directionOf,
  findPublished,
  findTitleHeading,
  markTitle,
  siteNameOf,
} from './extract/metadata';
import { contentScope } from './extract/page';
import { BLOCK_MARK, type BlockMap, forgetBlocks, numberBlocks, restoreDropped } from './extract/restore-dropped';
import { protectRuby } from './extract/ruby';

/** Less readable text than this is "nothing to read": the caller shows a notice instead. */
const MIN_TEXT = 30;
/** Below this, Readability may have picked a fragment; the fallback wins if the page has much more to read. */
const SHORT_ARTICLE = 200;
/** Below this share of prose, the page is an index, a table of files or a form, not an article. */
const MIN_PROSE_SHARE = 0.3;

interface ReadabilityFacts {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

interface Candidate {
  kind: Article['kind'];
  content: FinishedContent;
  length: number;
  prose: number;
  titleHeading: string;
  /** The title heading's markup when it has ruby, which text alone would lose. */
  titleHtml?: string;
  meta: ArticleMetaEntry[];
  readability: ReadabilityFacts | null;
}

interface PageUrls {
  page: string;
  /** What relative URLs resolve against: the page's <base href>, else the page's URL. */
  base: string;
}

export function extractArticle(document: Document, url: string): Article | null {
  const urls = { page: url, base: baseUrlOf(document, url) };
  const article = readabilityCandidate(document, urls);
  const articleLike = article !== null && article.length >= MIN_TEXT && article.prose >= MIN_PROSE_SHARE;
  if (articleLike && article.length >= SHORT_ARTICLE) return toArticle(document, url, article);

  const fallback = fallbackCandidate(document, urls);
  const fallbackReadable = fallback !== null && fallback.length >= MIN_TEXT;
  // A short article stays the article unless the page around it has much more to read (Readability took a fragment).
  if (articleLike && !(fallbackReadable && fallback.length >= article.length * 2 + 100)) return toArticle(document, url, article);
  if (fallbackReadable) return toArticle(document, url, fallback);
  if (article && article.length >= MIN_TEXT) return toArticle(document, url, article);
  // Our additions must never lose what Readability alone finds: its own result comes before "nothing to read".
  const plain = plainReadabilityCandidate(document, urls);
  return plain && plain.length >= MIN_TEXT ? toArticle(document, url, plain) : null;
}

interface PreparedClone {
  clone: Document;
  heading: Element | null;
  meta: ArticleMetaEntry[];
  blocks: BlockMap;
  /** Numbers of the blocks left after boilerplate was removed. */
  kept: Set<number>;
}

/**
 * A clone with ruby protected, the title heading and labelled meta blocks marked (see content.ts), its blocks
 * numbered (see restore-dropped.ts) and boxes that are not the article removed (see boilerplate.ts).
 */
function prepareClone(document: Document): PreparedClone {
  const clone = document.cloneNode(true) as Document;
  protectRuby(clone);
  const scope = contentScope(clone);
  const heading = findTitleHeading(clone, scope);
  markTitle(heading);
  const meta = scope ? collectMetaBlocks(scope) : [];
  const blocks = numberBlocks(clone, heading);
  if (clone.body) removeBoilerplate(clone.body, heading);
  const kept = new Set(Array.from(clone.querySelectorAll(`[${BLOCK_MARK}]`), (el) => Number(el.getAttribute(BLOCK_MARK))));
  return { clone, heading, meta, blocks, kept };
}

type Parsed = NonNullable<ReturnType<Readability<Element>['parse']>>;

function runReadability(clone: Document): Parsed | null {
  try {
    // The serializer hands back the content element itself (Readability passes its article container), so we keep
    // working on the DOM instead of serialising and parsing it again.
    return new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  } catch {
    return null; // Readability throws on some malformed documents; the fallback handles those pages.
  }
}

function readabilityCandidate(document: Document, urls: PageUrls): Candidate | null {
  const { clone, heading, meta, blocks, kept } = prepareClone(document);
  const titleHeading = heading ? readableText(heading) : '';
  const titleHtml = rubyTitle(heading);
  const parsed = runReadability(clone);
  const root = parsed?.content;
  if (!parsed || !root) return null;
  // Readability keeps navigation that sits inside the article area (breadcrumbs, "pages" bars).
  for (const nav of Array.from(root.querySelectorAll('nav, [role="navigation"], [role="search"]'))) nav.remove();
  restoreDropped(root, document, blocks, kept, parsed.byline ?? null);
  forgetBlocks(root);
  return { ...candidate('article', root, urls, titleHeading, meta, factsOf(parsed)), titleHtml };
}

function rubyTitle(heading: Element | null): string | undefined {
  return heading?.querySelector('ruby') ? heading.innerHTML : undefined;
}

function factsOf(parsed: Parsed): ReadabilityFacts {
  return {
    title: parsed.title ?? null,
    byline: parsed.byline ? collapseSpace(parsed.byline) : null,
    siteName: parsed.siteName ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}

/** Readability on a plain clone, none of our additions: the last resort before "nothing to read". */
function plainReadabilityCandidate(document: Document, urls: PageUrls): Candidate | null {
  const parsed = runReadability(document.cloneNode(true) as Document);
  const root = parsed?.content;
  return parsed && root ? candidate('article', root, urls, '', [], factsOf(parsed)) : null;
}

function fallbackCandidate(document: Document, urls: PageUrls): Candidate | null {
  const { clone, heading, meta } = prepareClone(document);
  const titleHeading = heading ? readableText(heading) : '';
  const titleHtml = rubyTitle(heading);
  const root = fallbackRoot(clone, heading);
  if (root) forgetBlocks(root);
  return root ? { ...candidate('fallback', root, urls, titleHeading, meta, null), titleHtml } : null;
}

function candidate(
  kind: Article['kind'],
  root: Element,
  urls: PageUrls,
  titleHeading: string,
  meta: ArticleMetaEntry[],
  readability: ReadabilityFacts | null,
): Candidate {
  const content = finishContent(root, urls.base, urls.page);
  const length = charCount(content.text);
  return { kind, content, length, prose: proseShare(root, length), titleHeading, meta, readability };
}

function toArticle(document: Document, url: string, chosen: Candidate): Article {
  const scope = contentScope(document);
  const title = chooseTitle(document, chosen.titleHeading, chosen.readability?.title ?? null);
  const lang = declaredLang(document, scope) ?? detectLang(`${title}\n${chosen.content.text}`);
  const fromJsonLd = chosen.readability?.publishedTime ? dateFromTimestamp(chosen.readability.publishedTime) : null;
  // The heading's ruby only when the heading is the title (not og:title or <title>).
  const titleHtml = chosen.titleHtml && collapseSpace(chosen.titleHeading) === title ? chosen.titleHtml : undefined;
  return {
    title,
    ...(titleHtml ? { titleHtml } : {}),
    byline: chosen.readability?.byline ?? null,
    published: publishedFromMeta(chosen.meta) ?? findPublished(document, scope) ?? fromJsonLd,
    siteName: siteNameOf(document) ?? chosen.readability?.siteName ?? null,
    lang,
    dir: directionOf(document, scope, lang),
    contentHtml: chosen.content.html,
    headings: chosen.content.headings,
    kind: chosen.kind,
    meta: chosen.meta,
    textLength: chosen.length,
    sourceUrl: url,
  };
}

/** The page's <base href> if it has one (relative links resolve against it), else its URL. */
function baseUrlOf(document: Document, url: string): string {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  return base ? resolve(base, url) : url;
}
