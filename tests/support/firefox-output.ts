/**
 * Pure reading of what Firefox reports, for firefox-errors.ts. With the pref
 * devtools.console.stdout.content, console calls of web pages, content
 * scripts and add-on pages are printed to stdout (`console.error: "text"`,
 * without the caller). Script errors come from the Browser Console with the
 * script's URL, so ours are those under our moz-extension:// origin.
 */

export type FirefoxOutputLine = { kind: 'console.error' | 'console.warn'; text: string } | { kind: 'other' };

const CONSOLE = /^console\.(error|warn): (.*)$/;

export function parseFirefoxOutputLine(line: string): FirefoxOutputLine {
  const logged = CONSOLE.exec(line);
  if (logged) return { kind: logged[1] === 'error' ? 'console.error' : 'console.warn', text: logged[2] };
  return { kind: 'other' };
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

/** Whether the Browser Console would list this error under our add-on. */
export function isOurScriptError(entry: ScriptErrorEntry, extensionOrigin: string): boolean {
  if (entry.warning) return false;
  return entry.source.startsWith(`${extensionOrigin}/`) || entry.text.includes(extensionOrigin) || EXTENSION_FRAMEWORK.test(entry.source);
}
