/**
 * Code run in the privileged scope of Firefox's browser window over WebDriver
 * BiDi (`moz:scope: chrome`), which Firefox allows only when started with
 * --remote-allow-system-access (FIREFOX_SYSTEM_ACCESS_ARGS). Tests use it for
 * what the browser offers no automation API for: its Browser Console, the
 * system colour scheme, the UI language.
 */
import type { Browser } from 'puppeteer-core';

export const FIREFOX_SYSTEM_ACCESS_ARGS = ['--remote-allow-system-access'];

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Evaluates `expression` in the browser window's privileged scope (Services and Ci are its globals) and returns its value (awaited). */
export async function inBrowserWindow(firefox: Browser, expression: string): Promise<unknown> {
  // Puppeteer's own WebDriver BiDi connection: it has no API for the browser's privileged scope.
  const connection = (firefox as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree as { contexts: { context: string }[] }).contexts[0]?.context;
  if (!context) throw new Error('no browser window to run privileged code in');
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  const evaluated = result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } };
  if (evaluated.type !== 'success') throw new Error(`in the browser window: ${evaluated.exceptionDetails?.text ?? 'failed'}`);
  return evaluated.result?.value;
}

/**
 * The system's colour scheme as Firefox sees it (the pref that stands for the
 * OS setting), changed while the browser runs: pages and add-on pages get
 * prefers-color-scheme and its change events as when the user switches the
 * OS to dark. Puppeteer cannot emulate the media feature over BiDi.
 */
export async function setSystemColorScheme(firefox: Browser, scheme: 'light' | 'dark'): Promise<void> {
  await inBrowserWindow(firefox, `Services.prefs.setIntPref('ui.systemUsesDarkTheme', ${scheme === 'dark' ? 1 : 0})`);
}

/**
 * Makes Japanese Firefox's UI language, as a Japanese build or language pack
 * would: Debian's firefox-esr ships only en-US, so Japanese is declared
 * available (the locale service allows this for tests) and requested. An
 * add-on picks its _locales from the UI language when it starts, so this must
 * run before the add-on is installed.
 */
export async function useJapaneseUiLanguage(firefox: Browser): Promise<void> {
  const appLocales = await inBrowserWindow(
    firefox,
    `(() => {
      Services.locale.availableLocales = [...new Set(['ja', ...Services.locale.availableLocales])];
      Services.locale.requestedLocales = ['ja'];
      return Services.locale.appLocalesAsBCP47.join(',');
    })()`,
  );
  if (!String(appLocales).startsWith('ja')) throw new Error(`Firefox did not switch its UI language to Japanese: ${appLocales}`);
}
