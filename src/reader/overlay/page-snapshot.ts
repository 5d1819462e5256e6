/** The page's HTML for the reader, taken on the page side (see snapshot() for what it takes care of). */
import { hostName } from '../../content/page-names';
import type { PageSnapshot } from '../article';

/**
 * The page as the user sees it. Two kinds of page need more than outerHTML:
 * - <noscript>: with scripting on (this page) its content is text; the reader
 *   parses with scripting off, where the same text becomes markup and an
 *   unclosed <div> in it swallows the rest of the page. What the page showed had
 *   no noscript content, so the copy has none either (on an inert copy: the
 *   live page is never changed, and an inert document loads nothing).
 * - our own furigana (its wrappers, `<token>-f`): the page's text goes to the reader as the page
 *   wrote it, and the reader adds its own readings at the user's level (they would otherwise come
 *   back as if they were the page's own ruby).
 * - <frameset>: the article is in a frame; the same-origin frame with the most
 *   text is read instead. Frames of other sites cannot be read: the reader says so.
 */
export function snapshot(ours?: Element): PageSnapshot {
  const framed = document.body?.tagName === 'FRAMESET' ? largestSameOriginFrame(document) : undefined;
  const source = framed ?? document;
  const url = source.location?.href ?? location.href;
  const page: PageSnapshot = { html: serialize(source, ours), url };
  if (document.body?.tagName === 'FRAMESET' && !framed) page.frames = 'unreadable';
  return page;
}

const furiganaWrapper = () => hostName('f');

/** The page's HTML without noscript content, without our furigana and without `ours` (our layer: its closed shadow root is never serialized, its empty host is). */
function serialize(source: Document, ours?: Element): string {
  const skip = ours?.parentNode === source.documentElement ? ours : undefined;
  if (!source.querySelector(`noscript, ${furiganaWrapper()}`)) {
    const html = source.documentElement.outerHTML;
    return skip ? html.replace(skip.outerHTML, '') : html;
  }
  const copy = document.implementation.createHTMLDocument('').importNode(source.documentElement, true);
  for (const noscript of Array.from(copy.querySelectorAll('noscript'))) noscript.remove();
  for (const wrapper of Array.from(copy.querySelectorAll(furiganaWrapper()))) {
    for (const reading of Array.from(wrapper.querySelectorAll('rt'))) reading.remove();
    wrapper.replaceWith(wrapper.textContent ?? '');
  }
  if (skip) for (const host of Array.from(copy.getElementsByTagName(skip.localName))) host.remove();
  return copy.outerHTML;
}

function largestSameOriginFrame(root: Document): Document | undefined {
  let best: Document | undefined;
  let bestLength = 0;
  for (const frame of Array.from(root.querySelectorAll<HTMLFrameElement | HTMLIFrameElement>('frame, iframe'))) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument; // null for frames of other sites
    } catch {
      inner = null;
    }
    const candidate = inner?.body?.tagName === 'FRAMESET' ? largestSameOriginFrame(inner) : (inner ?? undefined);
    const length = candidate?.body?.textContent?.trim().length ?? 0;
    if (candidate && length > bestLength) {
      best = candidate;
      bestLength = length;
    }
  }
  return best;
}
