/**
 * Reading-mode functions that run INSIDE a page or the reader frame (page.evaluate / addInitScript), for
 * bench section 7 (reading-mode-runs.ts) and 8. Same rules as in-page.ts: each function is self-contained (Playwright
 * serialises the function text alone), and harness/browsers.ts installs a no-op `__name` in every page and frame.
 * Times are epoch ms (performance.timeOrigin + performance.now()), so times taken in the driver page, the
 * web page and the reader frame (three renderer processes) can be compared.
 */

/** What the recorder saw in the reader frame (chrome-extension://…/src/reader/reader.html). */
export interface ReaderFrameRecord {
  /** The reader document's time origin (its navigation start). */
  timeOrigin: number;
  /** DOMContentLoaded end (the reader's module script has run up to its first await). */
  domContentLoadedAt: number | null;
  /** #article lost its `hidden` attribute (renderArticle done). */
  visibleAt: number | null;
  /** The first animation frame after that: rAF callback time, and a message posted from it (runs after that frame's rendering). */
  visibleFrameAt: number | null;
  visiblePaintedAt: number | null;
  /** #article's computed font size in that first frame (the size the reader was first painted at). */
  firstFontSize: number | null;
  /** The user's look was applied: #reader got its `--scale` custom property (applyLook in refresh()). */
  lookAt: number | null;
  lookPaintedAt: number | null;
  /** Text of #notice if the reader showed one (load failure, no article, fallback view). */
  notice: string | null;
}

type RecorderWindow = Window & { __easyReadBench?: ReaderFrameRecord; __readerPageBench?: { frameInsertedAt: number | null } };

/**
 * Init script, installed on the page before it loads; it also runs in the page's child frames, and only
 * acts in the reader frame. A MutationObserver on the reader document times #article becoming visible and
 * the look being applied; for each, the next animation frame is requested and a MessageChannel message
 * posted from its rAF callback, which runs after that frame's style, layout and paint ("painted").
 */
export function readerFrameRecorder(): void {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/src/reader/reader.html')) return;
  const win = window as RecorderWindow;
  const now = () => performance.timeOrigin + performance.now();
  const record: ReaderFrameRecord = {
    timeOrigin: performance.timeOrigin,
    domContentLoadedAt: null,
    visibleAt: null,
    visibleFrameAt: null,
    visiblePaintedAt: null,
    firstFontSize: null,
    lookAt: null,
    lookPaintedAt: null,
    notice: null,
  };
  win.__easyReadBench = record;
  document.addEventListener('DOMContentLoaded', () => {
    record.domContentLoadedAt = now();
  });
  const afterNextFrame = (done: (frameAt: number, paintedAt: number) => void) =>
    requestAnimationFrame(() => {
      const frameAt = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(frameAt, now());
      channel.port2.postMessage(0);
    });
  const observer = new MutationObserver(() => {
    const article = document.getElementById('article');
    if (record.visibleAt === null && article && !article.hidden) {
      record.visibleAt = now();
      afterNextFrame((frameAt, paintedAt) => {
        record.visibleFrameAt = frameAt;
        record.visiblePaintedAt = paintedAt;
      });
      requestAnimationFrame(() => {
        record.firstFontSize = Number.parseFloat(getComputedStyle(article).fontSize);
      });
    }
    const reader = document.getElementById('reader');
    if (record.lookAt === null && reader?.style.getPropertyValue('--scale')) {
      record.lookAt = now();
      afterNextFrame((_frameAt, paintedAt) => {
        record.lookPaintedAt = paintedAt;
      });
    }
    const notice = document.getElementById('notice');
    if (notice && !notice.hidden) record.notice = notice.textContent;
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style'] });
}

/** In the web page, just before the command: times the insertion of the reader iframe (after extraction and hand-over). */
export function armFrameInsertion(): void {
  const win = window as RecorderWindow;
  const state = { frameInsertedAt: null as number | null };
  win.__readerPageBench = state;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // The reader's layer: a custom-named element with a closed shadow root (its frame sits inside) added to <html>.
        if (node instanceof HTMLElement && node.localName.includes('-') && node.shadowRoot === null) {
          state.frameInsertedAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      }
    }
  });
  observer.observe(document.documentElement, { childList: true });
}

export function readFrameInsertion(): number | null {
  return (window as RecorderWindow).__readerPageBench?.frameInsertedAt ?? null;
}

/** In the reader frame: resolves once both "painted" times are known (or after 30 s), with the navigation timing filled in. */
export async function readReaderFrameRecord(): Promise<ReaderFrameRecord | null> {
  const win = window as RecorderWindow;
  const deadline = performance.now() + 30_000;
  const done = () => {
    const record = win.__easyReadBench;
    return record !== undefined && (record.notice !== null || (record.visiblePaintedAt !== null && record.lookPaintedAt !== null));
  };
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return win.__easyReadBench ?? null;
}

/** In the reader frame: #article's computed font size now. */
export function articleFontSize(): number {
  const article = document.getElementById('article');
  return article ? Number.parseFloat(getComputedStyle(article).fontSize) : Number.NaN;
}

/** In the driver page (an extension page): sends the command exactly as the popup does, timing the send. */
export async function sendReaderCommand(tabId: number): Promise<{ sentAt: number; repliedAt: number; reply: unknown }> {
  const sentAt = performance.timeOrigin + performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'run-command', command: 'toggle-reading-mode', tabId });
  return { sentAt, repliedAt: performance.timeOrigin + performance.now(), reply };
}

export interface BareReaderSample {
  startAt: number;
  parsedAt: number;
  sanitizedAt: number;
  shownAt: number;
  frameAt: number;
  paintedAt: number;
  textLength: number;
}

/**
 * The browser-equivalent baseline, in a page without the extension (Readability and DOMPurify injected
 * beforehand as window.__bareReader): `new Readability(document.cloneNode(true)).parse()`, DOMPurify's
 * default sanitize of its content, the result shown in a fixed full-window overlay in the page, and the
 * first frame rendered after that (same "painted" rule as the reader frame recorder).
 */
export function timeBareReader(): Promise<BareReaderSample> {
  interface Parsed {
    title?: string | null;
    content?: string | null;
    textContent?: string | null;
  }
  const lib = (
    window as unknown as {
      __bareReader?: { Readability: new (document: Document) => { parse(): Parsed | null }; DOMPurify: { sanitize(html: string): string } };
    }
  ).__bareReader;
  if (!lib) throw new Error('bare reader bundle not injected');
  const now = () => performance.timeOrigin + performance.now();
  const startAt = now();
  const parsed = new lib.Readability(document.cloneNode(true) as Document).parse();
  const parsedAt = now();
  const clean = lib.DOMPurify.sanitize(parsed?.content ?? '');
  const sanitizedAt = now();
  const overlay = document.createElement('div');
  overlay.setAttribute(
    'style',
    'position:fixed;inset:0;overflow:auto;z-index:2147483647;background:#fff;color:#1b1b1b;font:20px/1.6 system-ui,sans-serif',
  );
  const article = document.createElement('article');
  article.setAttribute('style', 'max-width:40em;margin:0 auto;padding:1em');
  const title = document.createElement('h1');
  title.textContent = parsed?.title ?? '';
  const content = document.createElement('div');
  content.innerHTML = clean;
  article.append(title, content);
  overlay.append(article);
  document.documentElement.append(overlay);
  const shownAt = now();
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frameAt = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () =>
        resolve({ startAt, parsedAt, sanitizedAt, shownAt, frameAt, paintedAt: now(), textLength: (parsed?.textContent ?? '').length });
      channel.port2.postMessage(0);
    });
  });
}

export interface ReaderStepsSample {
  /** document.documentElement.outerHTML (the overlay's snapshot). */
  snapshotMs: number;
  /** DOMParser on the snapshot (the reader page's inert copy). */
  parseMs: number;
  extractMs: number;
  /** sanitizeArticleFragment of the article's content (DOMPurify, link and image fixes, nodes imported). */
  sanitizeMs: number;
  kind: string | null;
  textLength: number;
  /** Size of the snapshot handed to the background (UTF-8 bytes of the HTML). */
  snapshotBytes: number;
}

/**
 * EasyRead's reading-mode steps on this page, one after the other as the overlay and the reader page run them
 * (src/reader/extract.ts and sanitize.ts bundled by the bench as window.__easyReadReader): snapshot, DOMParser,
 * extractArticle, sanitizeArticleFragment (into this document; not inserted). The messaging, storage and the
 * reader frame's own load are not in here.
 */
export function timeReaderSteps(): ReaderStepsSample {
  const lib = (
    window as unknown as {
      __easyReadReader?: {
        extractArticle: (
          document: Document,
          url: string,
        ) => { kind: string; textLength: number; contentHtml: string; sourceUrl: string } | null;
        sanitizeArticleFragment: (html: string, baseUrl: string, purify: Window, target: Document) => DocumentFragment;
      };
    }
  ).__easyReadReader;
  if (!lib) throw new Error('reader code bundle not injected');
  const t0 = performance.now();
  const html = document.documentElement.outerHTML;
  const t1 = performance.now();
  const inert = new DOMParser().parseFromString(html, 'text/html');
  const t2 = performance.now();
  const article = lib.extractArticle(inert, location.href);
  const t3 = performance.now();
  if (article) lib.sanitizeArticleFragment(article.contentHtml, article.sourceUrl, window, document);
  const t4 = performance.now();
  return {
    snapshotMs: t1 - t0,
    parseMs: t2 - t1,
    extractMs: t3 - t2,
    sanitizeMs: t4 - t3,
    kind: article?.kind ?? null,
    textLength: article?.textLength ?? 0,
    snapshotBytes: new TextEncoder().encode(html).length,
  };
}

/** In the reader frame: what it shows (title, byline if shown, the meta list as label/value lines, the body's HTML). */
export function readerShown(): { title: string; byline: string; meta: string[]; contentHtml: string } {
  const byline = document.getElementById('byline');
  const meta = document.getElementById('meta');
  return {
    title: document.getElementById('article-title')?.textContent ?? '',
    byline: byline && !byline.hidden ? (byline.textContent ?? '') : '',
    meta: meta && !meta.hidden ? Array.from(meta.children, (item) => item.textContent ?? '') : [],
    contentHtml: document.getElementById('content')?.innerHTML ?? '',
  };
}
