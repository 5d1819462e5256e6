/**
 * Firefox's side of extension-errors.ts: what the browser console shows for
 * the add-on. WebDriver BiDi reports no console calls or errors of add-on
 * pages or the background, so the browser's own output is read instead (see
 * firefox-output.ts for the format and FIREFOX_ERROR_PREFS). stdout does not
 * say who called console.error; a web page's own calls are told apart
 * through BiDi, which reports them for the tab with the caller's location
 * (our content scripts' calls have our moz-extension:// URL there).
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';
import type { ExtensionErrorLog, Flusher } from './extension-errors';
import { comparableConsoleText, type FirefoxOutputLine, parseFirefoxOutputLine } from './firefox-output';

export const FIREFOX_ERROR_PREFS: Record<string, unknown> = {
  // Console calls of content processes (pages, content scripts, add-on pages, background) to stdout.
  'devtools.console.stdout.content': true,
  // Uncaught errors and rejections of every context, with the script's URL, to stderr (off in release builds).
  'browser.dom.window.dump.enabled': true,
};

const FLUSH_TIMEOUT_MS = 3_000;

export interface FirefoxErrorSources {
  /** moz-extension://<uuid> (random per profile): known once the driver page is open. */
  extensionOrigin(): string | undefined;
  /** Our driver page, which prints the flush markers. */
  driver(): Page | undefined;
}

export function collectFirefoxErrors(firefox: Browser, sources: FirefoxErrorSources, log: ExtensionErrorLog, flushers: Flusher[]): void {
  const child = firefox.process();
  if (!child?.stdout || !child.stderr) throw new Error('Firefox was started without pipes to its output: cannot collect errors');
  // Judged at flush time: the add-on's origin is not known before it is installed, nor a page's own errors before BiDi reports them.
  const pending: FirefoxOutputLine[] = [];
  const pageOwnErrors: string[] = [];
  const markersSeen = new Set<string>();

  const read = (stream: Readable) =>
    createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith('console.info: "easyread-flush-')) markersSeen.add(comparableConsoleText(line.slice('console.info: '.length)));
      const parsed = parseFirefoxOutputLine(line);
      if (parsed.kind === 'console.warn') log.warn({ kind: 'console.warn', context: 'Firefox stdout', text: parsed.text });
      else if (parsed.kind !== 'other') pending.push(parsed);
    });
  read(child.stdout);
  read(child.stderr);

  const watchPage = (page: Page) =>
    page.on('console', (message: ConsoleMessage) => {
      const origin = sources.extensionOrigin();
      if (message.type() !== 'error' || (origin && message.location().url?.startsWith(origin))) return;
      pageOwnErrors.push(comparableConsoleText(message.text()));
    });
  void firefox.pages().then((pages) => pages.forEach(watchPage));
  firefox.on('targetcreated', (target: Target) => {
    void target
      .page()
      .then((page) => page && watchPage(page))
      .catch(() => undefined);
  });

  let flushes = 0;
  flushers.push(async () => {
    // A line printed by our driver page now: output printed before it has been read once it shows up.
    const marker = `easyread-flush-${++flushes}`;
    await sources
      .driver()
      ?.evaluate((marker) => console.info(marker), marker)
      .catch(() => undefined);
    const deadline = Date.now() + FLUSH_TIMEOUT_MS;
    while (!markersSeen.has(marker) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
    const origin = sources.extensionOrigin();
    if (!origin) return; // not installed yet: keep the lines for the next flush
    for (const line of pending.splice(0)) {
      if (line.kind === 'uncaught') {
        if (line.url.startsWith(origin)) log.record({ kind: 'uncaught', context: line.url, text: line.text });
        continue;
      }
      if (line.kind !== 'console.error') continue;
      const own = pageOwnErrors.indexOf(comparableConsoleText(line.text));
      if (own >= 0) pageOwnErrors.splice(own, 1);
      else log.record({ kind: 'console.error', context: 'content script, add-on page or background (Firefox stdout)', text: line.text });
    }
  });
}
