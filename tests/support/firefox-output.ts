/**
 * Pure reading of what Firefox reports, for firefox-errors.ts. With the pref
 * devtools.console.stdout.content, console calls of web pages, content
 * scripts and add-on pages are printed to stdout (`console.error: "text"`,
 * without the caller). Script errors come from the Browser Console with the
 * script's URL, so ours are those under our moz-extension:// origin.
 */

export type FirefoxOutputLine = { kind: 'console.error' | 'console.warn'; text: string } | { kind: 'other' };

const CONSOLE = /^console\.(error|warn): (.*)$/;

// Firefox's own modules log through prefixed console instances ("RSLoader: …"); pages and add-ons print
// their arguments as values (a string comes quoted), so an unquoted name and colon first is Firefox's.
const FIREFOX_PREFIX = /^[A-Za-z][\w.-]*: /;

export function parseFirefoxOutputLine(line: string): FirefoxOutputLine {
  const logged = CONSOLE.exec(line);
  if (!logged || FIREFOX_PREFIX.test(logged[2])) return { kind: 'other' };
  return { kind: logged[1] === 'error' ? 'console.error' : 'console.warn', text: logged[2] };
}

/**
 * The text of a console call as stdout shows it and as WebDriver BiDi reports
 * it, made comparable: stdout quotes each string argument ("a" "b"), BiDi
 * joins them with spaces.
 */
export function comparableConsoleText(text: string): string {
  return text.replace(/"((?:[^"\\]|\\.)*)"/g, '$1').trim();
}

/** A script error or warning as Firefox's Browser Console holds it (firefox-browser-console.ts). */
export interface ScriptErrorEntry {
  text: string;
  /** The script's or document's URL; Firefox's own modules for what the framework reports. */
  source: string;
  category: string;
  warning: boolean;
}

// Modules of Firefox's WebExtensions framework: what they report concerns an add-on, and the test profile has only ours.
const EXTENSION_FRAMEWORK = /^resource:\/\/gre\/modules\/(Extension[A-Za-z]*|Conduits[A-Za-z]*|MessageChannel)\.sys\.mjs/;

/**
 * A web page asked for one of our files and Firefox refused it: the page's doing (a test that checks
 * a page cannot load our scripts makes it on purpose), and what we want to happen.
 */
const PAGE_REFUSED_OUR_FILE = /^Security Error: Content at (?!moz-extension:)\S+ may not load or link to moz-extension:/;

/** Whether the Browser Console would list this error under our add-on. */
export function isOurScriptError(entry: ScriptErrorEntry, extensionOrigin: string): boolean {
  if (entry.warning || PAGE_REFUSED_OUR_FILE.test(entry.text)) return false;
  return entry.source.startsWith(`${extensionOrigin}/`) || entry.text.includes(extensionOrigin) || EXTENSION_FRAMEWORK.test(entry.source);
}

/**
 * DECIDED, not hidden: Firefox logs this for every storage.onChanged listener of an add-on page or
 * content script when its page unloads (its WebExtensions framework removes the listener after the
 * page's channel closed). Removing our listener ourselves on pagehide or unload only turns it into
 * "WebExtension context not found!" from ExtensionParent (tried: tests/e2e/firefox, Firefox 153 ESR).
 * It says nothing about our code, and failing on it would fail nearly every Firefox test, so it is
 * printed as a warning; delete this to fail on it again. The same holds for a reply that finds its page gone.
 */
const UNDELIVERED_REPLY = "Promise rejected after context unloaded: Actor 'Conduits' destroyed before query 'RuntimeMessage' was resolved";

const UNDELIVERED_RESULT = /^Promise resolved (after context unloaded|while context is inactive)\s*$/;

export function isUnloadTeardownNoise(entry: ScriptErrorEntry): boolean {
  return (
    (/^resource:\/\/gre\/modules\/ConduitsChild\.sys\.mjs/.test(entry.source) &&
      /^sendRemoveListener on closed conduit /.test(entry.text)) ||
    // The same teardown seen from the parent process (frames of a page closed or replaced while our scripts ran in them).
    (/^resource:\/\/gre\/modules\/ExtensionParent\.sys\.mjs/.test(entry.source) && entry.text === 'WebExtension context not found!') ||
    // The same teardown for a message: the background's reply to one of our content script's
    // runtime.sendMessage calls (every one has a catch) came after its page had gone (a reload
    // while the page loaded), and Firefox reports it under the script's name as the catch cannot run.
    entry.text === UNDELIVERED_REPLY ||
    // An API call of ours that succeeded after its page had left (unloaded, or kept in the back-forward
    // cache): nothing failed, Firefox only says it could not hand over the result.
    UNDELIVERED_RESULT.test(entry.text)
  );
}
