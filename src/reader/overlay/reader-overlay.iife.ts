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
 * shadow roots in Chrome). The price is one web-accessible page. The frame
 * sits in a closed shadow root, so the page cannot read its URL either.
 */
import browser from 'webextension-polyfill';
import { createShadowHost, createStyled, type Styles } from '../../page-tools/shadow-host';
import { snapshot } from './page-snapshot';

declare global {
  var __easyReadReaderOverlay: boolean | undefined;
}

interface OpenReader {
  host: HTMLElement;
  frame: HTMLIFrameElement;
  restoreFocus: Element | null;
  scroll: [number, number];
  bodyWasInert: boolean;
}

let open: OpenReader | undefined;

/** Our layer's box: over everything, whatever the page's CSS (inline !important on the host; the frame is out of reach). */
const HOST_STYLES: Styles = {
  inset: '0',
  width: '100vw',
  height: '100vh',
  'max-width': 'none',
  'max-height': 'none',
  'z-index': '2147483647',
  'pointer-events': 'auto',
  'color-scheme': 'normal',
};

const FRAME_STYLES: Styles = {
  display: 'block',
  width: '100%',
  height: '100%',
  border: '0',
  margin: '0',
  padding: '0',
  background: 'transparent',
};

/** A host name that names nothing and differs per opening: the page learns no fixed name to look for. */
function hostName(): string {
  return `x-${crypto.randomUUID().slice(0, 8)}`;
}

async function show(): Promise<void> {
  // This opening's token: the background hands the snapshot only to the frame that shows it.
  const token = crypto.randomUUID();
  // In a closed shadow root: the page cannot read the frame's URL (in Firefox a fixed per-install id) nor its token.
  const { host, root } = createShadowHost(document, hostName(), HOST_STYLES);
  const frame = createStyled(document, 'iframe', FRAME_STYLES);
  frame.src = `${browser.runtime.getURL('src/reader/reader.html')}?open=${token}`;
  frame.title = browser.i18n.getMessage('readerFrameTitle');
  root.append(frame);
  const body = document.body;
  open = {
    host,
    frame,
    restoreFocus: document.activeElement,
    scroll: [window.scrollX, window.scrollY],
    bodyWasInert: body?.hasAttribute('inert') ?? false,
  };
  // The frame joins the page first, so the reader document loads while the page is serialized and the snapshot
  // travels (the background holds the reader's request until it arrives); the snapshot leaves our layer out.
  document.documentElement.append(host);
  const page = snapshot(host);
  // The reader is modal: keyboard and screen-reader users must not wander into the page behind it.
  body?.setAttribute('inert', '');
  frame.addEventListener('load', () => frame.focus(), { once: true });
  await browser.runtime.sendMessage({ type: 'reader-page', token, page });
}

function close(): void {
  if (!open) return;
  const { host, restoreFocus, scroll, bodyWasInert } = open;
  open = undefined;
  host.remove();
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
