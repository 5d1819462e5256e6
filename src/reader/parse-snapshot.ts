/**
 * The page snapshot as an inert document in the reader page, meaning what it
 * meant on the page:
 * - Relative URLs resolve against the page (and its own <base href>), not
 *   against the reader page the snapshot is parsed in: the document gets one
 *   absolute <base>, before Readability or anything else reads a URL.
 * - "#…" links point at the page itself, as their authors mean them, whatever
 *   the <base> says.
 * - Inline event handler attributes (onclick, onerror, …) never reach the
 *   parser (see strip-event-handlers.ts), and any left are removed at once.
 */
import type { PageSnapshot } from './article';
import { stripEventHandlers } from './strip-event-handlers';

export function parseSnapshot(page: PageSnapshot, parser: DOMParser = new DOMParser()): Document {
  // DOMParser makes an inert document: no scripts run, nothing loads.
  const document = parser.parseFromString(stripEventHandlers(page.html), 'text/html');
  removeEventHandlers(document);
  anchorToPage(document, page.url);
  return document;
}

export function removeEventHandlers(document: Document): void {
  for (const element of Array.from(document.getElementsByTagName('*'))) {
    for (const name of element.getAttributeNames()) {
      if (name.toLowerCase().startsWith('on')) element.removeAttribute(name);
    }
  }
}

/** One <base> with the page's absolute base URL: the first <base href> of the page (as browsers take it), else the page's URL. */
export function anchorToPage(document: Document, pageUrl: string): void {
  const page = pageUrl.split('#')[0];
  for (const link of Array.from(document.querySelectorAll('a[href^="#"], area[href^="#"]'))) {
    link.setAttribute('href', `${page}${link.getAttribute('href')}`);
  }
  const declared = document.querySelector('base[href]')?.getAttribute('href');
  const base = (declared && absolute(declared, pageUrl)) || pageUrl;
  for (const element of Array.from(document.querySelectorAll('base'))) element.remove();
  const element = document.createElement('base');
  element.setAttribute('href', base);
  (document.head ?? document.documentElement).prepend(element);
}

function absolute(url: string, baseUrl: string): string | undefined {
  try {
    return new URL(url.trim(), baseUrl).href;
  } catch {
    return undefined;
  }
}
