/**
 * "No errors from us": every e2e session collects what the browser would put
 * in the extension's error list (Chrome's extension page, Firefox's browser
 * console for the add-on): uncaught errors, unhandled rejections,
 * console.error and browser-reported errors (CSP violations) from our content
 * scripts, extension pages and background. The browser-specific listeners are
 * in chromium-errors.ts and firefox-errors.ts; this module keeps the log, and
 * tests/e2e/fail-on-extension-errors.ts fails the running test on any entry (session close names the
 * last test for entries that arrive between tests).
 *
 * Not ours: the fixture pages' own errors, console.info/log/warn (Chrome
 * lists warnings, but they are not errors; they are printed, not failed).
 */

export type ExtensionErrorKind = 'uncaught' | 'console.error' | 'browser' | 'console.warn';

export interface ExtensionError {
  kind: ExtensionErrorKind;
  /** Where it came from: content script, extension page URL, background. */
  context: string;
  text: string;
}

export interface ExtensionErrorLog {
  record(error: ExtensionError): void;
  /** A console.warn of ours: shown in the test output, does not fail the test. */
  warn(error: ExtensionError): void;
  /** Waits until what the browser has already reported has reached the log. */
  flush(): Promise<void>;
  /** The errors recorded so far; the log is emptied. */
  take(): ExtensionError[];
}

/** Set by a session's flush: how it makes sure in-flight reports arrived. */
export type Flusher = () => Promise<void>;

export function createExtensionErrorLog(browserName: string, flushers: Flusher[] = []): ExtensionErrorLog & { flushers: Flusher[] } {
  let errors: ExtensionError[] = [];
  return {
    flushers,
    record(error) {
      errors.push(error);
    },
    warn(error) {
      console.warn(`[${browserName}] warning from the extension (not failed): ${formatExtensionError(error)}`);
    },
    async flush() {
      // A collector that cannot read its source fails the test: silence would pass it.
      for (const flush of flushers) await flush();
    },
    take() {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

export function formatExtensionError(error: ExtensionError): string {
  return `${error.kind} in ${error.context}: ${error.text}`;
}

/** The message a failing test shows: counts repeated entries once, so 1,000 CSP reports stay readable. */
export function describeExtensionErrors(browserName: string, errors: readonly ExtensionError[], when: string): string {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const line = formatExtensionError(error);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const lines = [...counts].map(([line, count]) => `  ${count > 1 ? `${count}× ` : ''}${line.slice(0, 600)}`);
  return `${errors.length} error(s) from the extension in ${browserName} ${when}:\n${lines.join('\n')}`;
}

// Sessions open right now (a test file may hold more than one, e.g. a Japanese-locale browser).
const liveLogs = new Map<ExtensionErrorLog, string>();

export function registerErrorLog(log: ExtensionErrorLog, browserName: string): () => void {
  liveLogs.set(log, browserName);
  return () => liveLogs.delete(log);
}

let lastTestName = 'before the first test';

/** Called after each test (tests/e2e/fail-on-extension-errors.ts): throws if any open session saw an error of ours during it. */
export async function assertNoExtensionErrors(testName: string): Promise<void> {
  lastTestName = `after "${testName}"`;
  const messages: string[] = [];
  for (const [log, browserName] of liveLogs) {
    await log.flush();
    const errors = log.take();
    if (errors.length > 0) messages.push(describeExtensionErrors(browserName, errors, `during "${testName}"`));
  }
  if (messages.length > 0) throw new Error(messages.join('\n'));
}

/**
 * Called when a session closes, before the browser goes: errors that arrived
 * outside any test (setup, between tests, closing). Returns what to throw
 * once the browser is closed (a test run fails; `npm start` and the bench only print it).
 */
export async function leftoverErrors(log: ExtensionErrorLog, browserName: string): Promise<Error | undefined> {
  await log.flush();
  const errors = log.take();
  if (errors.length === 0) return undefined;
  const message = describeExtensionErrors(browserName, errors, `outside a test (${lastTestName}, or while closing)`);
  if (!process.env.VITEST) {
    console.warn(message);
    return undefined;
  }
  return new Error(message);
}

/** For the collector's self-tests (error-self-test.ts). */
export const SELF_TEST = 'EasyRead self-test';

/** Code that fails three ways (console.error, an uncaught error, an unhandled rejection) in whatever context runs it. */
export function failingCode(where: string): string {
  return `console.error('${SELF_TEST}: console.error in ${where}');
setTimeout(() => { throw new Error('${SELF_TEST}: uncaught in ${where}'); });
Promise.reject(new Error('${SELF_TEST}: rejection in ${where}'));
0`;
}
