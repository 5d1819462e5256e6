/**
 * Messages from the on-page button's panel. It runs inside a web page, so it
 * is trusted less than the popup: only our own content script, only in the
 * tab's top frame (where the button lives), only while the button is on for
 * that tab's site, and only ever for the tab it runs in (no tab id is taken
 * from the message). What it may do is what the popup does with one press.
 */
import type browser from 'webextension-polyfill';
import type { CommandResult, Message } from '../shared/messages';
import { setPreferences } from '../shared/preferences/actions';
import { resolvePreferences } from '../shared/preferences/resolve';
import { loadPreferences } from '../shared/preferences/storage';
import { describePage } from '../shared/site';
import { runCommand } from './commands';

type PanelMessage = Extract<Message, { type: 'page-button-command' | 'page-button-set' }>;

/** The site of the sender's tab when the button may act for it; undefined drops the message. */
async function buttonSite(sender: browser.Runtime.MessageSender, extensionId: string): Promise<string | undefined> {
  if (sender.id !== extensionId || sender.tab?.id === undefined || sender.frameId !== 0) return undefined;
  const page = describePage(sender.tab.url);
  if (!page.supported) return undefined;
  const { global, site } = await loadPreferences(page.origin);
  return resolvePreferences(global, site).pageButton ? page.origin : undefined;
}

export async function handlePanelMessage(
  message: PanelMessage,
  sender: browser.Runtime.MessageSender,
  extensionId: string,
): Promise<CommandResult | { ok: boolean } | undefined> {
  const origin = await buttonSite(sender, extensionId);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined) return undefined;
  if (message.type === 'page-button-command') return runCommand(message.command, tabId);
  await setPreferences(origin, message.patch);
  return { ok: true };
}
