/** One path for every command, whether it came from a shortcut or a message from the popup. */
import browser from 'webextension-polyfill';
import type { CommandName, CommandResult } from '../shared/messages';
import { changeTextScale, toggleLineFocus } from '../shared/preferences/actions';
import { describePage } from '../shared/site';
import { toggleReadAloud } from './page-tools';
import { toggleReadingMode } from './reading-mode';
import { attachToTab } from './tab-access';

/** SVG and XML documents opened as pages have no article, and no HTML to frame the reader into. */
async function showsHtml(tabId: number): Promise<boolean> {
  const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: () => document.contentType });
  return /^(text\/html|text\/plain|application\/xhtml\+xml)$/.test(String(frame?.result));
}

export async function runCommand(command: CommandName, tabId: number): Promise<CommandResult> {
  const tab = await browser.tabs.get(tabId);
  const page = describePage(tab.url);
  if (!page.supported) return { ok: false, error: 'unsupported-page', detail: page.reason };
  if (!(await attachToTab(tabId))) return { ok: false, error: 'no-access' };
  try {
    // Exhaustive: a new command that is not handled here does not compile.
    switch (command) {
      case 'toggle-reading-mode':
        if (!(await showsHtml(tabId))) return { ok: false, error: 'unsupported-page', detail: 'not-html' };
        return { ok: true, readerOpen: await toggleReadingMode(tabId) };
      case 'read-aloud':
        return { ok: true, readAloud: await toggleReadAloud(tabId) };
      case 'toggle-line-focus':
        return { ok: true, lineFocus: await toggleLineFocus(page.origin) };
      case 'increase-text-size':
      case 'decrease-text-size':
      case 'reset-text-size': {
        const { textScale, scope } = await changeTextScale(page.origin, command);
        return { ok: true, textScale, scope };
      }
    }
  } catch (error) {
    return { ok: false, error: 'failed', detail: String(error) };
  }
}
