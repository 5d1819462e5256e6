/** Service worker (Chrome) / event page (Firefox): shortcuts, messages, automatic scripts. */
import browser from 'webextension-polyfill';
import { isCommandName, isFromExtensionPage, type MessageMap, parseMessage } from '../shared/messages';
import { watchPreferences } from '../shared/preferences/storage';
import { syncAutoApply } from './auto-apply';
import { runCommand } from './commands';
import { attachToTab } from './tab-access';

const extensionOrigin = browser.runtime.getURL('');

browser.commands.onCommand.addListener((command, tab) => {
  if (!isCommandName(command) || tab?.id === undefined) return;
  void runCommand(command, tab.id).then((result) => {
    if (!result.ok) console.info(`[EasyRead] ${command}: ${result.error}`);
  });
});

browser.runtime.onMessage.addListener(
  (raw: unknown, sender: browser.Runtime.MessageSender): Promise<MessageMap[keyof MessageMap]['response']> | undefined => {
    if (!isFromExtensionPage(sender, browser.runtime.id, extensionOrigin)) return undefined;
    const message = parseMessage(raw);
    if (!message) return undefined;
    if (message.type === 'run-command') return runCommand(message.command, message.tabId);
    return attachToTab(message.tabId).then((ok) => ({ ok }));
  },
);

browser.runtime.onInstalled.addListener(() => void syncAutoApply());
browser.runtime.onStartup.addListener(() => void syncAutoApply());
browser.permissions.onAdded.addListener(() => void syncAutoApply());
browser.permissions.onRemoved.addListener(() => void syncAutoApply());

let pending: ReturnType<typeof setTimeout> | undefined;
watchPreferences(() => {
  // A slider drag writes several times in a row; re-register once it settles.
  clearTimeout(pending);
  pending = setTimeout(() => void syncAutoApply(), 100);
});
