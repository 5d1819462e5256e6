/**
 * Pure reading of Firefox's own output, for firefox-errors.ts. With the pref
 * devtools.console.stdout.content, console calls of web pages, content
 * scripts and add-on pages are printed to stdout (`console.error: "text"`,
 * without the caller); uncaught errors and rejections of every context are
 * printed to stderr with the script's URL (`JavaScript error: <url>, line N:
 * <message>`), so ours are those under our moz-extension:// origin.
 */

export type FirefoxOutputLine =
  | { kind: 'uncaught'; url: string; text: string }
  | { kind: 'console.error' | 'console.warn'; text: string }
  | { kind: 'other' };

const UNCAUGHT = /^JavaScript error: (.*?), line \d+: (.*)$/;
const CONSOLE = /^console\.(error|warn): (.*)$/;

export function parseFirefoxOutputLine(line: string): FirefoxOutputLine {
  const uncaught = UNCAUGHT.exec(line);
  if (uncaught) return { kind: 'uncaught', url: uncaught[1], text: uncaught[2] };
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
