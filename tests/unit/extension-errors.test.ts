import { describe, expect, it } from 'vitest';
import {
  assertNoExtensionErrors,
  createExtensionErrorLog,
  describeExtensionErrors,
  type ExtensionError,
  registerErrorLog,
} from '../support/extension-errors';
import { comparableConsoleText, parseFirefoxOutputLine } from '../support/firefox-output';

const csp: ExtensionError = {
  kind: 'browser',
  context: 'chrome-extension://x/src/reader/reader.html',
  text: 'security: Executing inline…',
};

describe('the e2e error log', () => {
  it('fails the test that saw an error, naming it, and is empty afterwards', async () => {
    const log = createExtensionErrorLog('Chromium');
    const unregister = registerErrorLog(log, 'Chromium');
    try {
      await expect(assertNoExtensionErrors('opens the reader')).resolves.toBeUndefined();
      log.record({ kind: 'uncaught', context: 'content script on http://127.0.0.1/', text: 'TypeError: x is null' });
      await expect(assertNoExtensionErrors('opens the reader')).rejects.toThrow(
        /1 error\(s\) from the extension in Chromium during "opens the reader":\n {2}uncaught in content script on http:\/\/127\.0\.0\.1\/: TypeError: x is null/,
      );
      await expect(assertNoExtensionErrors('the next test')).resolves.toBeUndefined();
    } finally {
      unregister();
    }
  });

  it('counts repeated reports once, so a thousand CSP reports stay readable', () => {
    const message = describeExtensionErrors('Chromium', Array(1000).fill(csp), 'during "x"');
    expect(message.split('\n')).toEqual([
      '1000 error(s) from the extension in Chromium during "x":',
      '  1000× browser in chrome-extension://x/src/reader/reader.html: security: Executing inline…',
    ]);
  });

  it('waits for every flusher before handing over what it holds', async () => {
    const log = createExtensionErrorLog('Firefox');
    log.flushers.push(async () => log.record(csp));
    await log.flush();
    expect(log.take()).toEqual([csp]);
    expect(log.take()).toEqual([]);
  });
});

describe("Firefox's output", () => {
  it('reads uncaught errors with their script URL, and console calls', () => {
    expect(parseFirefoxOutputLine('JavaScript error: moz-extension://abc/src/options/index.html, line 2: Error: boom, again')).toEqual({
      kind: 'uncaught',
      url: 'moz-extension://abc/src/options/index.html',
      text: 'Error: boom, again',
    });
    expect(parseFirefoxOutputLine('console.error: "[EasyRead] failed" ({})')).toEqual({
      kind: 'console.error',
      text: '"[EasyRead] failed" ({})',
    });
    expect(parseFirefoxOutputLine('console.warn: "careful"')).toEqual({ kind: 'console.warn', text: '"careful"' });
    expect(parseFirefoxOutputLine('console.info: "fine"')).toEqual({ kind: 'other' });
    expect(parseFirefoxOutputLine('JavaScript warning: https://a/, line 1: Unknown property')).toEqual({ kind: 'other' });
  });

  it('compares stdout and WebDriver BiDi texts of the same call', () => {
    expect(comparableConsoleText('"EasyRead self-test: console.error in the page itself"')).toBe(
      comparableConsoleText('EasyRead self-test: console.error in the page itself'),
    );
    expect(comparableConsoleText('"a" "b \\"c\\""')).toBe('a b \\"c\\"');
  });
});
