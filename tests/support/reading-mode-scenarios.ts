/**
 * Reading mode on real-world page shapes, written once for Chromium
 * (Playwright) and Firefox (Puppeteer): each browser's test file supplies a
 * ReaderHarness and runs every scenario. The scenarios assert what a user
 * sees in the reader (images loaded, where links lead, text, the toolbar) and
 * that neither browser lists an error of the extension.
 */
import { expect } from 'vitest';
import type { FixtureServer } from './fixture-server';
import { evaluateIn, type ScriptTarget } from './page-checks';

export interface ClickHow {
  button?: 'left' | 'middle';
  modifier?: 'Control';
}

export interface ReaderFrame extends ScriptTarget {
  /** A real pointer click on the first element matching selector. */
  click(selector: string, how?: ClickHow): Promise<void>;
}

export interface ReaderHarness {
  server: FixtureServer;
  /** Opens a fixture page (a path under tests/fixtures/pages) in the tab under test. */
  open(path: string): Promise<ScriptTarget>;
  /** The tab under test's top page as it is now (after a navigation, the new page). */
  page(): ScriptTarget;
  /** Sends toggle-reading-mode as the popup does; resolves with readerOpen. */
  toggleReader(): Promise<boolean>;
  /** The reader frame in the tab, once it shows an article or a notice. */
  readerFrame(): Promise<ReaderFrame>;
  /** Every frame in the tab that shows the reader page, in the order they were added. */
  readerFrames(): Promise<ReaderFrame[]>;
  /** Waits until the tab has no reader frame any more. */
  readerGone(): Promise<void>;
  /** Waits until the tab under test shows a page at this URL, and gives it. */
  waitForPageUrl(url: string): Promise<ScriptTarget>;
  /** How many tabs are open. */
  tabCount(): Promise<number>;
  /** The id of the tab under test. */
  tabId(): Promise<number>;
  /** Merges fields into the settings for all sites, as the popup would. */
  setGlobalPreferences(patch: Record<string, unknown>): Promise<void>;
  /** Errors the browser lists for the extension since the test began (console errors of its pages, CSP reports, unhandled rejections). */
  extensionErrors(): Promise<string[]>;
}

/** Polls until check() holds (no timing assertion: only a limit on how long to wait). */
async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

async function openReader(h: ReaderHarness, path: string): Promise<ReaderFrame> {
  await h.open(path);
  expect(await h.toggleReader()).toBe(true);
  return h.readerFrame();
}

interface ShownImage {
  alt: string;
  src: string;
  loadedWidth: number;
}

const shownImages = (frame: ReaderFrame) =>
  evaluateIn(
    frame,
    () =>
      Array.from(document.querySelectorAll<HTMLImageElement>('#content img'), (img) => ({
        alt: img.alt,
        src: img.getAttribute('src') ?? '',
        loadedWidth: img.complete ? img.naturalWidth : 0,
      })),
    undefined,
  );

const linkHref = (frame: ReaderFrame, text: string) =>
  evaluateIn(
    frame,
    (text) =>
      Array.from(document.querySelectorAll('#content a'), (a) => [a.textContent, a.getAttribute('href')]).find(([t]) => t === text)?.[1] ??
      null,
    text,
  );

const text = (target: ScriptTarget, selector: string) =>
  evaluateIn(target, (selector) => document.querySelector(selector)?.textContent ?? '', selector);

const frameLocation = (frame: ReaderFrame) => evaluateIn(frame, () => location.href, undefined);

export const readerScenarios: Record<string, (h: ReaderHarness) => Promise<void>> = {
  async 'shows the images and links of a page with relative URLs and a <base>, as the page has them'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    const docs = h.server.url('reader/docs/');
    await until(async () => (await shownImages(frame)).every((image) => image.loadedWidth > 0), 'every image has loaded');
    const images = await shownImages(frame);
    expect(images.map(({ alt, src, loadedWidth }): ShownImage => ({ alt, src, loadedWidth }))).toEqual([
      { alt: 'Chart of exports by region', src: `${docs}img/relative.svg`, loadedWidth: 120 },
      { alt: 'Chart of firms by size', src: `${docs}img/root.svg`, loadedWidth: 121 },
      { alt: 'Chart of orders by month', src: `${docs}img/protocol.svg`, loadedWidth: 122 },
      { alt: 'Chart of new markets', src: `${docs}img/absolute.svg`, loadedWidth: 123 },
      { alt: 'Chart of growth by sector', src: `${docs}img/srcset-large.svg`, loadedWidth: 124 },
    ]);
    expect(await linkHref(frame, 'the results page')).toBe(`${docs}next.html`);
    expect(await linkHref(frame, 'the about page')).toBe(h.server.url('reader/about.html'));
    expect(await linkHref(frame, 'the open data portal')).toBe('http://example.org/mirror');
    expect(await linkHref(frame, 'the statistics bureau')).toBe('https://example.com/survey');
    expect(await linkHref(frame, 'the method section')).toMatch(/^#easyread-/);
    expect(await h.extensionErrors()).toEqual([]);
  },

  async 'a plain click on a link opens it in the top window, which leaves reading mode'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    await frame.click('#content a[href$="next.html"]');
    const next = await h.waitForPageUrl(h.server.url('reader/docs/next.html'));
    await until(async () => (await text(next, 'h1')) === 'Survey tables', 'the linked page shows');
    await h.readerGone();
    expect(await h.extensionErrors()).toEqual([]);
  },

  async 'Ctrl+click and the middle button open a link in a new tab, and the reader stays'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    const readerUrl = await frameLocation(frame);
    const tabs = await h.tabCount();
    await frame.click('#content a[href$="next.html"]', { modifier: 'Control' });
    await until(async () => (await h.tabCount()) === tabs + 1, 'Ctrl+click opened a tab');
    await frame.click('#content a[href$="about.html"]', { button: 'middle' });
    await until(async () => (await h.tabCount()) === tabs + 2, 'the middle button opened a tab');
    expect(await frameLocation(frame)).toBe(readerUrl);
    expect(await text(frame, '#article-title')).toBe('Regional Export Survey Results');
    expect(await evaluateIn(h.page(), () => location.pathname, undefined)).toBe('/reader/relative-urls.html');
  },

  async '"#" links scroll the reader to their section; neither the reader nor the page navigates'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    const readerUrl = await frameLocation(frame);
    // Where the section heading is, relative to the top of the reader's scrolling article area.
    const headingOffset = () =>
      evaluateIn(
        frame,
        () => {
          const heading = Array.from(document.querySelectorAll('#content h2')).find((h2) => h2.textContent?.includes('weighted'));
          const area = document.getElementById('main');
          return heading && area ? Math.round(heading.getBoundingClientRect().top - area.getBoundingClientRect().top) : null;
        },
        undefined,
      );
    expect(await headingOffset()).toBeGreaterThan(300); // further down the article before the click
    await frame.click('#content a[href^="#easyread-"]');
    await until(async () => Math.abs((await headingOffset()) ?? 9999) <= 8, 'the section is at the top of the reading area');
    expect(await evaluateIn(frame, () => document.activeElement?.textContent ?? '', undefined)).toContain('weighted');
    expect(await frameLocation(frame)).toBe(readerUrl);
    expect(await evaluateIn(h.page(), () => location.pathname, undefined)).toBe('/reader/relative-urls.html');
  },

  async 'reads the article of a page with a <noscript> that opens a <div>'(h) {
    const frame = await openReader(h, 'reader/noscript.html');
    expect(await text(frame, '#article-title')).toBe('Harbour Renewal Plan Approved');
    const content = await text(frame, '#content');
    expect(content).toContain('Work on the quay walls begins next spring');
    expect(content).toContain('comments on the design of the promenade are welcome');
    expect(content).not.toContain('enable JavaScript');
  },

  async 'reads the same-origin frame that holds the article of a frameset page'(h) {
    const frame = await openReader(h, 'reader/frameset.html');
    // Shown over the frames, full window (a frameset page lays out nothing but its frames by default).
    expect(await evaluateIn(frame, () => [innerWidth, innerHeight], undefined)).toEqual([1280, 900]);
    expect(await text(frame, '#article-title')).toBe('Old Maps Digitised');
    expect(await text(frame, '#content')).toContain('finished digitising its collection');
    expect(await evaluateIn(frame, () => (document.getElementById('notice') as HTMLElement).hidden, undefined)).toBe(true);
  },

  async 'says plainly that it cannot read a frameset of frames from another site'(h) {
    const frame = await openReader(h, 'reader/frameset-other-site.html');
    expect(await text(frame, '#notice')).toContain('frames from another site');
    expect(await evaluateIn(frame, () => (document.getElementById('article') as HTMLElement).hidden, undefined)).toBe(true);
  },

  async 'keeps the ruby of the headings on a vertical Japanese page'(h) {
    const frame = await openReader(h, 'reader/vertical-ruby.html');
    const readings = (selector: string) =>
      evaluateIn(frame, (selector) => Array.from(document.querySelectorAll(`${selector} rt`), (rt) => rt.textContent), selector);
    expect(await readings('#article-title')).toEqual(['でんとう', 'こうげい', 'けいしょう']);
    expect(await readings('#content h2')).toEqual(['しょくにん', 'いくせい', 'はんろ', 'かいたく']);
    // The reading sits beside its base text (shown as ruby), not after it as plain text.
    expect(await evaluateIn(frame, () => getComputedStyle(document.querySelector('#article-title rt') as Element).display, undefined)).toBe(
      'ruby-text',
    );
  },

  async 'shows the user’s settings in the toolbar while it shows a notice'(h) {
    await h.setGlobalPreferences({ textScale: 150, readerTheme: 'yellow-on-black', readerFont: 'opendyslexic' });
    const frame = await openReader(h, 'empty.html');
    expect(await text(frame, '#notice')).toContain('found no text');
    const toolbar = () =>
      evaluateIn(
        frame,
        () => ({
          size: document.getElementById('size-value')?.textContent,
          themes: (document.getElementById('theme') as HTMLSelectElement).options.length,
          theme: (document.getElementById('theme') as HTMLSelectElement).value,
          fonts: (document.getElementById('font') as HTMLSelectElement).options.length,
          font: (document.getElementById('font') as HTMLSelectElement).value,
          background: getComputedStyle(document.getElementById('reader') as Element).backgroundColor,
        }),
        undefined,
      );
    expect(await toolbar()).toEqual({
      size: '150%',
      themes: 8,
      theme: 'yellow-on-black',
      fonts: 5,
      font: 'opendyslexic',
      background: 'rgb(0, 0, 0)',
    });
  },

  async 'closes with its Close button, and no error is listed on a page full of inline event handlers'(h) {
    const page = await h.open('reader/inline-handlers.html');
    const original = await evaluateIn(page, () => document.documentElement.outerHTML, undefined);
    expect(await h.toggleReader()).toBe(true);
    const frame = await h.readerFrame();
    expect(await text(frame, '#content')).toContain('opens until eight in the evening');
    await frame.click('#close');
    await h.readerGone();
    expect(await evaluateIn(page, () => document.documentElement.outerHTML, undefined)).toBe(original);
    // Give late reports (a promise rejected as the frame unloads) the chance to arrive before looking.
    await new Promise((done) => setTimeout(done, 500));
    expect(await h.extensionErrors()).toEqual([]);
  },

  async 'gives the snapshot only to the reader this opening made: a second frame with the same URL gets nothing'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    const readerUrl = await frameLocation(frame);
    // The page loads the reader page again with the same URL (the token included), as a hostile page might.
    await evaluateIn(
      h.page(),
      (url) =>
        new Promise<void>((loaded) => {
          const copy = document.createElement('iframe');
          copy.src = url;
          copy.addEventListener('load', () => loaded(), { once: true });
          document.documentElement.append(copy);
        }),
      readerUrl,
    );
    // Chromium does not even load it (the reader is web-accessible only at a per-session URL the page never sees);
    // Firefox loads it, and the copy gets no page.
    const frames = await h.readerFrames();
    if (frames.length === 2) {
      await until(async () => (await text(frames[1], '#notice')) !== '', 'the copy shows a notice');
      expect(await text(frames[1], '#notice')).toContain('could not');
      expect(await evaluateIn(frames[1], () => (document.getElementById('article') as HTMLElement).hidden, undefined)).toBe(true);
    } else {
      expect(frames).toHaveLength(1);
    }
    expect(await text(frame, '#article-title')).toBe('Regional Export Survey Results');
    expect(await text(frame, '#content')).toContain('regional export survey');
  },

  async 'a web page can neither see the reader frame nor load the extension’s scripts'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    // Nothing in the page's DOM names the reader or its URL (the frame is in a closed shadow root).
    const pageHtml = await evaluateIn(h.page(), () => document.documentElement.outerHTML, undefined);
    expect(pageHtml).not.toMatch(/-extension:|reader\.html|easyread/i);
    expect(await evaluateIn(h.page(), () => document.querySelectorAll('iframe').length, undefined)).toBe(0);
    // Even knowing the URLs (the test reads them from the reader itself), the page cannot load our scripts.
    const scripts = await evaluateIn(
      frame,
      () =>
        Array.from(document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"]'), (e) =>
          'src' in e ? e.src : e.href,
        ),
      undefined,
    );
    expect(scripts.length).toBeGreaterThan(1);
    const loaded = await evaluateIn(
      h.page(),
      (urls) =>
        Promise.all(
          urls.map(
            (url) =>
              new Promise<string | null>((done) => {
                const script = document.createElement('script');
                script.src = url;
                script.onload = () => done(url);
                script.onerror = () => done(null);
                document.head.append(script);
              }),
          ),
        ),
      scripts,
    );
    expect(loaded.filter(Boolean)).toEqual([]);
  },

  async 'the reader page cannot send commands, not even for its own tab'(h) {
    const frame = await openReader(h, 'reader/relative-urls.html');
    // As a page script that got into the reader would try: a command for the tab the reader is framed in.
    const reply = await evaluateIn(
      frame,
      async (tabId) => {
        const api = (globalThis as { browser?: typeof chrome; chrome?: typeof chrome }).browser ?? chrome;
        if (typeof api?.runtime?.sendMessage !== 'function') return 'no messaging API';
        try {
          return (await api.runtime.sendMessage({ type: 'run-command', command: 'increase-text-size', tabId })) ?? 'no answer';
        } catch {
          return 'no answer';
        }
      },
      await h.tabId(),
    );
    expect(reply).toBe('no answer');
    await new Promise((done) => setTimeout(done, 500));
    expect(await text(frame, '#size-value')).toBe('100%');
  },

  async 'gives the reader the page language canonicalized, never a raw lang attribute'(h) {
    const frame = await openReader(h, 'reader/lang-payload.html');
    expect(await text(frame, '#article-title')).toBe('Bridge Repairs on the River Road');
    // <main lang="EN-gb"> is the content's language, in its canonical form.
    expect(await evaluateIn(frame, () => document.getElementById('article')?.getAttribute('lang'), undefined)).toBe('en-GB');
    expect(await evaluateIn(frame, () => document.querySelectorAll('#reader [onmouseover], #reader script').length, undefined)).toBe(0);
  },

  async 'shows the lead and the captions of a news page, without its share buttons, cookie notices, newsletter box or related stories'(h) {
    const frame = await openReader(h, 'news-extras.html');
    expect(await text(frame, '#article-title')).toBe('Night buses return to the harbour line from June');
    const content = await text(frame, '#content');
    // What Readability alone drops (the lead in a header it removes, the lead photo's caption) is there, in order.
    expect(content).toContain('After four years without a service after midnight');
    const captions = await evaluateIn(
      frame,
      () => Array.from(document.querySelectorAll('#content figcaption'), (c) => c.textContent),
      undefined,
    );
    expect(captions).toEqual([
      'The harbour stop will be served twice an hour between midnight and 5 a.m. Photo: Riverside Gazette',
      'Night buses will stop at all eleven stops of the harbour line, on request.',
    ]);
    expect(content.indexOf('After four years')).toBeLessThan(content.indexOf('The regional transport authority confirmed'));
    expect(content).toContain('Central Station, from stand 4 outside the main entrance');
    // What it keeps and a reader does not need is gone.
    for (const gone of ['Share this article', 'Facebook', 'cookies', 'newsletter', 'Night tram trial', 'More from Transport']) {
      expect(content, gone).not.toContain(gone);
    }
    expect(await h.extensionErrors()).toEqual([]);
  },
};
