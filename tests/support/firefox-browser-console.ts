/**
 * Firefox's Browser Console, read from the test: a listener on the console
 * service of the parent process, which receives the script errors of every
 * process (pages, content scripts, add-on pages, background), CSP reports and
 * what the WebExtensions framework itself reports about an add-on (such as
 * "Promise rejected after context unloaded"). Installed over WebDriver BiDi
 * in the browser window's privileged scope (firefox-privileged.ts).
 * Console API calls (console.error) are not console-service messages; see
 * firefox-errors.ts for those.
 */
import type { Browser } from 'puppeteer-core';
import type { ScriptErrorEntry } from './firefox-output';
import { inBrowserWindow } from './firefox-privileged';

export { FIREFOX_SYSTEM_ACCESS_ARGS } from './firefox-privileged';

// Runs in the privileged scope of the browser window (Services and Ci are its globals there).
const INSTALL_LISTENER = `(() => {
  if (globalThis.__easyreadConsole) return true;
  const entries = [];
  globalThis.__easyreadConsole = entries;
  Services.console.registerListener({
    observe(message) {
      if (!(message instanceof Ci.nsIScriptError)) return;
      entries.push({
        text: message.errorMessage,
        source: message.sourceName,
        category: message.category,
        warning: (message.flags & Ci.nsIScriptError.warningFlag) !== 0 || (message.flags & Ci.nsIScriptError.infoFlag) !== 0,
      });
    },
  });
  return true;
})()`;

const DRAIN = 'JSON.stringify(globalThis.__easyreadConsole ? globalThis.__easyreadConsole.splice(0) : null)';

export interface BrowserConsole {
  /** The script errors and warnings reported since the last call. */
  drain(): Promise<ScriptErrorEntry[]>;
}

export async function listenToBrowserConsole(firefox: Browser): Promise<BrowserConsole> {
  const evaluate = (expression: string) => inBrowserWindow(firefox, expression);
  await evaluate(INSTALL_LISTENER);
  return {
    async drain() {
      const entries = JSON.parse(String(await evaluate(DRAIN))) as ScriptErrorEntry[] | null;
      if (!entries) throw new Error('the Browser Console listener is gone');
      return entries;
    },
  };
}
