import { describe, expect, it } from 'vitest';
import {
  assertNoExtensionErrors,
  createExtensionErrorLog,
  describeExtensionErrors,
  type ExtensionError,
  registerErrorLog,
} from '../support/extension-errors';
import { comparableConsoleText, isOurScriptError, isUnloadTeardownNoise, parseFirefoxOutputLine } from '../support/firefox-output';

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
  it('reads console calls from stdout', () => {
    expect(parseFirefoxOutputLine('console.error: "[EasyRead] failed" ({})')).toEqual({
      kind: 'console.error',
      text: '"[EasyRead] failed" ({})',
    });
    expect(parseFirefoxOutputLine('console.warn: "careful"')).toEqual({ kind: 'console.warn', text: '"careful"' });
    expect(parseFirefoxOutputLine('console.info: "fine"')).toEqual({ kind: 'other' });
    // Firefox's own modules (prefixed console instances), not a page or an add-on.
    expect(parseFirefoxOutputLine('console.error: RSLoader: ')).toEqual({ kind: 'other' });
    expect(parseFirefoxOutputLine('console.warn: BackupService: "There was an error"')).toEqual({ kind: 'other' });
    expect(parseFirefoxOutputLine('console.error: (new Error("boom", "moz-extension://x/a.js", 3))')).toMatchObject({
      kind: 'console.error',
    });
    expect(parseFirefoxOutputLine('JavaScript error: moz-extension://abc/x.js, line 1: Error')).toEqual({ kind: 'other' });
  });

  it("takes script errors of our origin and of the add-on framework for ours, not a page's or a warning", () => {
    const origin = 'moz-extension://1234-abcd';
    const entry = (source: string, text = 'Error: boom', warning = false) => ({ source, text, category: 'content javascript', warning });
    expect(isOurScriptError(entry(`${origin}/assets/reader-x.js`), origin)).toBe(true);
    expect(isOurScriptError(entry('', `Content-Security-Policy: blocked ${origin}/src/reader/reader.html`), origin)).toBe(true);
    expect(
      isOurScriptError(entry('resource://gre/modules/ExtensionCommon.sys.mjs', 'Promise rejected after context unloaded'), origin),
    ).toBe(true);
    expect(isOurScriptError(entry('resource://gre/modules/ConduitsChild.sys.mjs', "Actor 'Conduits' destroyed"), origin)).toBe(true);
    expect(isOurScriptError(entry('http://127.0.0.1:8080/page.html'), origin)).toBe(false);
    expect(isOurScriptError(entry('moz-extension://1234-abcdef/x.js'), origin)).toBe(false);
    expect(isOurScriptError(entry(`${origin}/x.js`, 'Unknown property', true), origin)).toBe(false);
    expect(isOurScriptError(entry('chrome://remote/content/shared/NavigationManager.sys.mjs'), origin)).toBe(false);
    // A web page asked for our file and Firefox refused it: the page's doing.
    expect(
      isOurScriptError(
        entry('SOP', `Security Error: Content at http://127.0.0.1:8080/a.html may not load or link to ${origin}/assets/x.js.`),
        origin,
      ),
    ).toBe(false);
  });

  it("prints, not fails, only Firefox's own unload teardown messages", () => {
    const conduits = 'resource://gre/modules/ConduitsChild.sys.mjs';
    const entry = (source: string, text: string) => ({ source, text, category: '', warning: false });
    expect(isUnloadTeardownNoise(entry(conduits, 'sendRemoveListener on closed conduit easyread@x.1'))).toBe(true);
    expect(isUnloadTeardownNoise(entry(conduits, "Actor 'Conduits' destroyed before query 'RunListener' was resolved"))).toBe(false);
    expect(isUnloadTeardownNoise(entry('moz-extension://a/x.js', 'sendRemoveListener on closed conduit easyread@x.1'))).toBe(false);
    expect(isUnloadTeardownNoise(entry('resource://gre/modules/ExtensionParent.sys.mjs', 'WebExtension context not found!'))).toBe(true);
    expect(isUnloadTeardownNoise(entry('resource://gre/modules/ExtensionParent.sys.mjs', 'Some other failure'))).toBe(false);
    // A result that found its page gone or in the back-forward cache: nothing failed.
    expect(isUnloadTeardownNoise(entry('moz-extension://a/src/content/main.iife.js', 'Promise resolved while context is inactive'))).toBe(
      true,
    );
    expect(isUnloadTeardownNoise(entry('moz-extension://a/src/content/main.iife.js', 'Promise resolved after context unloaded\n'))).toBe(
      true,
    );
    expect(
      isUnloadTeardownNoise(entry('moz-extension://a/src/content/main.iife.js', 'Promise rejected while context is inactive: boom')),
    ).toBe(false);
    // A reply to our sendMessage that found the page gone; any other rejection of ours still fails.
    const late = "Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved";
    expect(isUnloadTeardownNoise(entry('moz-extension://a/src/content/main.iife.js', late))).toBe(true);
    expect(
      isUnloadTeardownNoise(entry('moz-extension://a/src/content/main.iife.js', 'Promise rejected after context unloaded: boom')),
    ).toBe(false);
  });

  it('compares stdout and WebDriver BiDi texts of the same call', () => {
    expect(comparableConsoleText('"EasyRead self-test: console.error in the page itself"')).toBe(
      comparableConsoleText('EasyRead self-test: console.error in the page itself'),
    );
    expect(comparableConsoleText('"a" "b \\"c\\""')).toBe('a b \\"c\\"');
  });
});
