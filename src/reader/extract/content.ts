/** Turns the chosen content element (Readability's or the fallback's) into what the reader shows. */
import type { ArticleHeading } from '../article';
import { readableText, removeAndPrune, tagOf } from './dom';
import { META_MARK } from './meta-blocks';
import { TITLE_MARK } from './metadata';

export interface FinishedContent {
  html: string;
  headings: ArticleHeading[];
  text: string;
}

export function finishContent(root: Element, baseUrl: string, pageUrl = baseUrl): FinishedContent {
  // Shown separately by the reader (title, meta list), so not repeated in the body.
  for (const el of Array.from(root.querySelectorAll(`[${META_MARK}], [${TITLE_MARK}]`))) {
    if (root.contains(el)) removeAndPrune(el, root);
  }
  demoteH1s(root);
  localizeFragments(root, baseUrl, pageUrl);
  srcFromSrcset(root, baseUrl);
  const headings = rewriteIds(root, pageUrl);
  absolutizeUrls(root, baseUrl);
  return { html: root.innerHTML.trim(), headings, text: readableText(root) };
}

/** The reader's title is the page's h1; any other h1 in the body becomes a section heading (Readability does the same). */
function demoteH1s(root: Element): void {
  for (const h1 of Array.from(root.querySelectorAll('h1'))) {
    const h2 = h1.ownerDocument.createElement('h2');
    for (const attribute of Array.from(h1.attributes)) h2.setAttribute(attribute.name, attribute.value);
    while (h1.firstChild) h2.appendChild(h1.firstChild);
    h1.replaceWith(h2);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

/**
 * h2–h4 get "easyread-h-N" in document order, for the table of contents. Other ids are dropped unless something
 * in the content points at them (an in-page link, aria-labelledby): those become "easyread-ref-N", so no page id
 * can collide with the reader's own, and links to a heading follow it to its new id.
 */
function rewriteIds(root: Element, baseUrl: string): ArticleHeading[] {
  const renamed = new Map<string, string>();
  const assigned = new Set<Element>();
  const headings: ArticleHeading[] = [];
  for (const heading of Array.from(root.querySelectorAll('h2, h3, h4'))) {
    const text = readableText(heading).replace(/\n/g, ' ');
    if (!text) continue;
    const id = `easyread-h-${headings.length + 1}`;
    const old = heading.getAttribute('id');
    if (old && !renamed.has(old)) renamed.set(old, id);
    heading.setAttribute('id', id);
    assigned.add(heading);
    headings.push({ id, level: Number(tagOf(heading).slice(1)), text });
  }

  const referenced = referencedIds(root);
  let refs = 0;
  for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
    if (assigned.has(el)) continue;
    const old = el.getAttribute('id') ?? el.getAttribute('name') ?? '';
    el.removeAttribute('name');
    if (referenced.has(old) && !renamed.has(old)) {
      const id = `easyread-ref-${++refs}`;
      renamed.set(old, id);
      el.setAttribute('id', id);
    } else {
      el.removeAttribute('id');
    }
  }

  for (const link of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const target = fragmentTarget(link.getAttribute('href') ?? '');
    const id = target === null ? undefined : renamed.get(target);
    // A fragment with no target in the content pointed at the page around it: link back to the page.
    link.setAttribute('href', id ? `#${id}` : resolve(link.getAttribute('href') ?? '', baseUrl));
  }
  for (const attribute of ['aria-labelledby', 'aria-describedby']) {
    for (const el of Array.from(root.querySelectorAll(`[${attribute}]`))) {
      const ids = (el.getAttribute(attribute) ?? '').split(/\s+/).flatMap((old) => renamed.get(old) ?? []);
      if (ids.length > 0) el.setAttribute(attribute, ids.join(' '));
      else el.removeAttribute(attribute);
    }
  }
  return headings;
}

function referencedIds(root: Element): Set<string> {
  const ids = new Set<string>();
  for (const link of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const target = fragmentTarget(link.getAttribute('href') ?? '');
    if (target) ids.add(target);
  }
  for (const el of Array.from(root.querySelectorAll('[aria-labelledby], [aria-describedby]'))) {
    for (const attribute of ['aria-labelledby', 'aria-describedby']) {
      for (const id of (el.getAttribute(attribute) ?? '').split(/\s+/)) if (id) ids.add(id);
    }
  }
  return ids;
}

function fragmentTarget(href: string): string | null {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// URLs

/**
 * Links to a part of the page itself (the page's URL plus "#…", as Readability writes "#…" when the document
 * was parsed somewhere else) become "#…" again, so they can follow their target into the reader.
 */
function localizeFragments(root: Element, baseUrl: string, pageUrl: string): void {
  const page = withoutFragment(pageUrl);
  for (const link of Array.from(root.querySelectorAll('a[href]:not([href^="#"])'))) {
    const absolute = resolve(link.getAttribute('href') ?? '', baseUrl);
    const at = absolute.indexOf('#');
    if (at > 0 && at < absolute.length - 1 && absolute.slice(0, at) === page) link.setAttribute('href', absolute.slice(at));
  }
}

function withoutFragment(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/** An image given only as srcset (the reader shows src alone) gets its largest candidate as src. */
function srcFromSrcset(root: Element, baseUrl: string): void {
  for (const img of Array.from(root.querySelectorAll('img[srcset]:not([src])'))) {
    const best = largestCandidate(img.getAttribute('srcset') ?? '');
    if (best) img.setAttribute('src', resolve(best, baseUrl));
  }
}

/** The URL of the srcset candidate with the largest width or density descriptor ("a.png 1x, b.png 2x" → "b.png"). */
export function largestCandidate(srcset: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    const size = Number.parseFloat(descriptor) || 1;
    if (url && size > bestSize) {
      best = url.replace(/,$/, '');
      bestSize = size;
    }
  }
  return best;
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);
const MEDIA_PROTOCOLS = new Set(['http:', 'https:']);
const URL_ATTRIBUTES: [selector: string, attribute: string, media: boolean][] = [
  ['a[href]:not([href^="#"]), area[href]', 'href', false],
  ['img[src], video[src], audio[src], source[src], track[src]', 'src', true],
  ['video[poster]', 'poster', true],
  ['blockquote[cite], q[cite], del[cite], ins[cite]', 'cite', false],
];

/**
 * Resolves every URL against the page (the reader is shown elsewhere, so relative URLs would break) and drops
 * those that cannot work there or are unsafe (javascript:, blob:). data: stays allowed for images only.
 */
function absolutizeUrls(root: Element, baseUrl: string): void {
  for (const [selector, attribute, media] of URL_ATTRIBUTES) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const value = el.getAttribute(attribute) ?? '';
      const absolute = resolve(value, baseUrl);
      const protocol = protocolOf(absolute);
      const dataImage = media && tagOf(el) === 'img' && /^data:image\//i.test(absolute);
      if (dataImage || (protocol && (media ? MEDIA_PROTOCOLS : LINK_PROTOCOLS).has(protocol))) el.setAttribute(attribute, absolute);
      else el.removeAttribute(attribute);
    }
  }
}

export function resolve(url: string, baseUrl: string): string {
  try {
    return new URL(url.trim(), baseUrl).href;
  } catch {
    return url;
  }
}

function protocolOf(url: string): string | null {
  try {
    return new URL(url).protocol;
  } catch {
    return null;
  }
}
