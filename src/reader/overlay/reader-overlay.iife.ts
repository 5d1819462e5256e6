/**
 * Reading mode, page side. Injected only when the user asks for reading mode
 * (never part of the always-on content script): hands a snapshot of the
 * page's HTML to the background and shows the reader page in a full-window
 * iframe. Extraction happens in the reader page, on an inert copy parsed from
 * that snapshot, so this script stays small and the page never runs our
 * extraction code in its own process' DOM.
 *
 * Why an extension page in an iframe rather than a shadow root in the page:
 * page CSS cannot reach into it at all (inherited properties, `all`, and
 * `!important` on `*` included), page scripts cannot read or change it
 * (different origin), and fonts load normally (@font-face is ignored inside
 * shadow roots in Chrome). The price is one web-accessible page.
 */
import browser from 'webextension-polyfill';
import type { PageSnapshot } from '../article';

declare global {
  var __easyReadReaderOverlay: boolean | undefined;
}

interface OpenReader {
  frame: HTMLIFrameElement;
  restoreFocus: Element | null;
  scroll: [number, number];
  bodyWasInert: boolean;
}

let open: OpenReader | undefined;

/**
 * The page as the user sees it. Two kinds of page need more than outerHTML:
 * - <noscript>: with scripting on (this page) its content is text; the reader
 *   parses with scripting off, where the same text becomes markup and an
 *   unclosed <div> in it swallows the rest of the page. What the page showed had
 *   no noscript content, so the copy has none either (on an inert copy: the
 *   live page is never changed, and an inert document loads nothing).
 * - <frameset>: the article is in a frame; the same-origin frame with the most
 *   text is read instead. Frames of other sites cannot be read: the reader says so.
 */
function snapshot(): PageSnapshot {
  const framed = document.body?.tagName === 'FRAMESET' ? largestSameOriginFrame(document) : undefined;
  const source = framed ?? document;
  const url = source.location?.href ?? location.href;
  const page: PageSnapshot = { html: serialize(source), url };
  if (document.body?.tagName === 'FRAMESET' && !framed) page.frames = 'unreadable';
  return page;
}

function serialize(source: Document): string {
  if (!source.querySelector('noscript')) return source.documentElement.outerHTML;
  const copy = document.implementation.createHTMLDocument('').importNode(source.documentElement, true);
  for (const noscript of Array.from(copy.querySelectorAll('noscript'))) noscript.remove();
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

function frameStyle(): string {
  // Inline !important beats any page rule, including `* { display: none !important }`.
  const rules = [
    'position:fixed',
    'inset:0',
    'width:100vw',
    'height:100vh',
    'border:0',
    'margin:0',
    'padding:0',
    'display:block',
    'visibility:visible',
    'opacity:1',
    'transform:none',
    'filter:none',
    'z-index:2147483647',
    'background:transparent',
    'color-scheme:normal',
    'max-width:none',
    'max-height:none',
  ];
  return rules.map((rule) => `${rule} !important`).join(';');
}

async function show(): Promise<void> {
  // This opening's token: the background hands the snapshot only to the frame that shows it.
  const token = crypto.randomUUID();
  const frame = document.createElement('iframe');
  frame.src = `${browser.runtime.getURL('src/reader/reader.html')}?open=${token}`;
  frame.title = browser.i18n.getMessage('readerFrameTitle');
  frame.setAttribute('style', frameStyle());
  frame.dataset.easyread = 'reader';
  const body = document.body;
  open = {
    frame,
    restoreFocus: document.activeElement,
    scroll: [window.scrollX, window.scrollY],
    bodyWasInert: body?.hasAttribute('inert') ?? false,
  };
  // The snapshot is taken before the frame joins the page, so the reader never reads itself.
  const page = snapshot();
  // The reader starts loading while the snapshot travels; the background holds its request until it arrives.
  document.documentElement.append(frame);
  // The reader is modal: keyboard and screen-reader users must not wander into the page behind it.
  body?.setAttribute('inert', '');
  frame.addEventListener('load', () => frame.focus(), { once: true });
  await browser.runtime.sendMessage({ type: 'reader-page', token, page });
}

function close(): void {
  if (!open) return;
  const { frame, restoreFocus, scroll, bodyWasInert } = open;
  open = undefined;
  frame.remove();
  if (!bodyWasInert) document.body?.removeAttribute('inert');
  window.scrollTo(scroll[0], scroll[1]);
  if (restoreFocus instanceof HTMLElement || restoreFocus instanceof SVGElement) restoreFocus.focus({ preventScroll: true });
}

function onMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<{ open: boolean }> | undefined {
  if (sender.id !== browser.runtime.id || typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  if (type === 'reader-toggle') {
    if (open) {
      close();
      return Promise.resolve({ open: false });
    }
    return show().then(() => ({ open: true }));
  }
  if (type === 'reader-close') {
    close();
    return Promise.resolve({ open: false });
  }
  return undefined;
}

if (!globalThis.__easyReadReaderOverlay) {
  globalThis.__easyReadReaderOverlay = true;
  browser.runtime.onMessage.addListener(onMessage);
}
