/** One path for every command, whether it came from a shortcut or a message from the popup. */
import browser from 'webextension-polyfill';
import type { CommandName, CommandResult } from '../shared/messages';
import { changeTextScale, toggleLineFocus } from '../shared/preferences/actions';
import { describePage } from '../shared/site';
import { toggleReadAloud } from './page-tools';
import { toggleReadingMode } from './reading-mode';
import { attachToTab } from './tab-access';

export async function runCommand(command: CommandName, tabId: number): Promise<CommandResult> {
  const tab = await browser.tabs.get(tabId);
  const page = describePage(tab.url);
  if (!page.supported) return { ok: false, error: 'unsupported-page', detail: page.reason };
  if (!(await attachToTab(tabId))) return { ok: false, error: 'no-access' };
  try {
    if (command === 'toggle-reading-mode') return { ok: true, readerOpen: await toggleReadingMode(tabId) };
    if (command === 'read-aloud') return { ok: true, readAloud: await toggleReadAloud(tabId) };
    if (command === 'toggle-line-focus') return { ok: true, lineFocus: await toggleLineFocus(page.origin) };
    const { textScale, scope } = await changeTextScale(page.origin, command);
    return { ok: true, textScale, scope };
  } catch (error) {
    return { ok: false, error: 'failed', detail: String(error) };
  }
}
