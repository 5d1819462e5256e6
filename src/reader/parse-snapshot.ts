/**
 * The page snapshot as an inert document in the reader page, meaning what it
 * meant on the page:
 * - Relative URLs resolve against the page (and its own <base href>), not
 *   against the reader page the snapshot is parsed in: they are made absolute
 *   before Readability or anything else reads a URL.
 * - "#…" links point at the page itself, as their authors mean them, whatever
 *   the <base> says.
 * - Inline event handler attributes (onclick, onerror, …) never reach the
 *   parser (see prepare-for-parsing.ts), and any left are removed at once.
 */
import type { PageSnapshot } from './article';
import { prepareForParsing } from './prepare-for-parsing';

export function parseSnapshot(page: PageSnapshot, parser: DOMParser = new DOMParser()): Document {
  // DOMParser makes an inert document: no scripts run, nothing loads.
  const { html, baseHref } = prepareForParsing(page.html);
  const document = parser.parseFromString(html, 'text/html');
  removeEventHandlers(document);
  anchorToPage(document, page.url, baseHref);
  return document;
}

export function removeEventHandlers(document: Document): void {
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    for (const name of element.getAttributeNames()) {
      if (name.toLowerCase().startsWith('on')) element.removeAttribute(name);
    }
  }
}

/** URL attributes, and the lazy-loading ones Readability turns into src/srcset. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'data-src', 'data-original', 'data-lazy-src', 'data-url'];
const SRCSET_ATTRIBUTES = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/**
 * Every URL made absolute against the page's base (its first <base href>, as browsers take it, else its URL),
 * and no <base> left. Not a <base> of our own: the reader page's Content-Security-Policy (base-uri 'none')
 * applies to the documents it parses too, and a blocked <base> would leave URLs resolving against the reader.
 */
export function anchorToPage(document: Document, pageUrl: string, baseHref?: string | null): void {
  const page = pageUrl.split('#')[0];
  const declared = baseHref ?? document.querySelector('base[href]')?.getAttribute('href');
  const base = (declared && absolute(declared, page)) || page;
  for (const element of Array.from(document.querySelectorAll('base'))) element.remove();
  for (const name of URL_ATTRIBUTES) {
    for (const element of Array.from(document.querySelectorAll(`[${name}]`))) {
      const value = element.getAttribute(name) ?? '';
      // "#…" points at the page itself, as its author meant, whatever the <base> says.
      const url = value.startsWith('#') && name === 'href' ? `${page}${value}` : absolute(value, base);
      if (url) element.setAttribute(name, url);
    }
  }
  for (const name of SRCSET_ATTRIBUTES) {
    for (const element of Array.from(document.querySelectorAll(`[${name}]`))) {
      element.setAttribute(name, absoluteSrcset(element.getAttribute(name) ?? '', base));
    }
  }
}

/** "a.png 1x, b.png 2x" with each URL made absolute. */
function absoluteSrcset(srcset: string, base: string): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [url, ...descriptors] = candidate.trim().split(/\s+/);
      return [absolute(url, base) ?? url, ...descriptors].join(' ');
    })
    .join(', ');
}

function absolute(url: string, baseUrl: string): string | undefined {
  try {
    return new URL(url.trim(), baseUrl).href;
  } catch {
    return undefined;
  }
}
