/**
 * Firefox's side of extension-errors.ts: what the Browser Console shows for
 * the add-on. WebDriver BiDi reports no console calls or errors of add-on
 * pages or the background, so two of the browser's own channels are read:
 * - script errors (uncaught errors and rejections, CSP reports, what the
 *   WebExtensions framework reports): a Browser Console listener
 *   (firefox-browser-console.ts), ours by their URL (firefox-output.ts);
 * - console.error calls: printed to stdout (FIREFOX_ERROR_PREFS), which does
 *   not say who called; a web page's own calls are told apart through BiDi,
 *   which reports them for the tab with the caller's location (our content
 *   scripts' calls have our moz-extension:// URL there).
 */
import { createInterface } from 'node:readline';
import type { Browser, ConsoleMessage, Page, Target } from 'puppeteer-core';
import type { ExtensionErrorLog, Flusher } from './extension-errors';
import { listenToBrowserConsole } from './firefox-browser-console';
import { comparableConsoleText, isOurScriptError, isUnloadTeardownNoise, parseFirefoxOutputLine } from './firefox-output';

export { FIREFOX_SYSTEM_ACCESS_ARGS } from './firefox-browser-console';

/** Console calls of content processes (pages, content scripts, add-on pages, background) to stdout. */
export const FIREFOX_ERROR_PREFS: Record<string, unknown> = { 'devtools.console.stdout.content': true };

const FLUSH_TIMEOUT_MS = 3_000;

export interface FirefoxErrorSources {
  /** moz-extension://<uuid> (random per profile): known once the driver page is open. */
  extensionOrigin(): string | undefined;
  /** Our driver page, which prints the flush markers. */
  driver(): Page | undefined;
}

export function collectFirefoxErrors(firefox: Browser, sources: FirefoxErrorSources, log: ExtensionErrorLog, flushers: Flusher[]): void {
  const stdout = firefox.process()?.stdout;
  if (!stdout) throw new Error('Firefox was started without a pipe to its output: cannot collect errors');
  const browserConsole = listenToBrowserConsole(firefox);
  browserConsole.catch(() => undefined); // reported at the first flush
  // Judged at flush time: the add-on's origin is not known before it is installed, nor a page's own errors before BiDi reports them.
  const consoleErrors: string[] = [];
  const pageOwnErrors: string[] = [];
  const markersSeen = new Set<string>();

  createInterface({ input: stdout }).on('line', (line) => {
    if (line.startsWith('console.info: "easyread-flush-')) markersSeen.add(comparableConsoleText(line.slice('console.info: '.length)));
    const parsed = parseFirefoxOutputLine(line);
    if (parsed.kind === 'console.error') consoleErrors.push(parsed.text);
    else if (parsed.kind === 'console.warn') log.warn({ kind: 'console.warn', context: 'Firefox stdout', text: parsed.text });
  });

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
    if (!origin) return; // not installed yet: keep everything for the next flush
    for (const entry of await (await browserConsole).drain()) {
      if (!isOurScriptError(entry, origin)) continue;
      const error = { kind: 'uncaught' as const, context: entry.source || entry.category, text: entry.text };
      if (isUnloadTeardownNoise(entry)) log.warn(error);
      else log.record(error);
    }
    for (const text of consoleErrors.splice(0)) {
      const own = pageOwnErrors.indexOf(comparableConsoleText(text));
      if (own >= 0) pageOwnErrors.splice(own, 1);
      else log.record({ kind: 'console.error', context: 'content script, add-on page or background (Firefox stdout)', text });
    }
  });
}
