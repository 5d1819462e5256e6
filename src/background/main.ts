/** Service worker (Chrome) / event page (Firefox): shortcuts, messages, automatic scripts. */
import browser from 'webextension-polyfill';
import { isCommandName, isFromExtensionPage, isFromOwnContentScript, type MessageMap, parseMessage, READER_PAGE } from '../shared/messages';
import { watchPreferences } from '../shared/preferences/storage';
import { describePage } from '../shared/site';
import { syncAutoApply } from './auto-apply';
import { runCommand } from './commands';
import { createContextMenu, listenToContextMenu } from './context-menu';
import { annotateWithFurigana, listenToFuriganaPorts } from './furigana';
import { handlePanelMessage } from './page-button';
import { loadPageTool } from './page-tools';
import { listenToReaderPorts } from './reader-port';
import { storeSnapshot } from './reading-mode';
import { attachToTab } from './tab-access';

const extensionOrigin = browser.runtime.getURL('');

browser.commands.onCommand.addListener((command, tab) => {
  if (!isCommandName(command) || tab?.id === undefined) return;
  void runCommand(command, tab.id).then((result) => {
    if (!result.ok) console.info(`[EasyRead] ${command}: ${result.error}`);
  });
});

type Reply = Promise<MessageMap[keyof MessageMap]['response']> | undefined;

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender): Reply => {
  const message = parseMessage(raw);
  if (!message) return undefined;
  const tabId = sender.tab?.id;
  // Our content script runs inside web pages, so all it may do is hand over what it read from its
  // page, ask for one of our own feature scripts (by name) in its own frame, ask which site its tab shows,
  // or ask for the readings of its text (furigana).
  if (
    message.type === 'reader-page' ||
    message.type === 'load-page-tool' ||
    message.type === 'frame-site' ||
    message.type === 'furigana-annotate'
  ) {
    if (!isFromOwnContentScript(sender, browser.runtime.id) || tabId === undefined) return undefined;
    if (message.type === 'furigana-annotate') return annotateWithFurigana(message.texts, message.level);
    if (message.type === 'frame-site') {
      const page = describePage(sender.tab?.url);
      return Promise.resolve({ origin: page.supported ? page.origin : null });
    }
    if (message.type === 'load-page-tool') return loadPageTool(tabId, sender.frameId ?? 0, message.tool).then((ok) => ({ ok }));
    // Only the overlay in the top frame opens the reader; a page's subframe has no snapshot to give.
    if (sender.frameId !== 0) return undefined;
    return storeSnapshot(tabId, message.token, message.page).then(() => ({ ok: true }));
  }
  // The on-page button's panel: checked in handlePanelMessage (own content script, top frame, its own tab).
  if (message.type === 'page-button-command' || message.type === 'page-button-set') {
    return handlePanelMessage(message, sender, browser.runtime.id) as Reply;
  }
  // The reader page is framed into web pages: it talks over its port only, and never commands any tab.
  if (!isFromExtensionPage(sender, browser.runtime.id, extensionOrigin) || isReaderPage(sender)) return undefined;
  switch (message.type) {
    case 'run-command':
      return runCommand(message.command, message.tabId);
    case 'attach-tab':
      return attachToTab(message.tabId).then((ok) => ({ ok }));
  }
});
listenToReaderPorts(extensionOrigin);
listenToFuriganaPorts(extensionOrigin);

function isReaderPage(sender: browser.Runtime.MessageSender): boolean {
  return sender.url !== undefined && new URL(sender.url).pathname === `/${READER_PAGE}`;
}

browser.runtime.onInstalled.addListener((details) => {
  void syncAutoApply();
  createContextMenu();
  // First install only: updates and browser updates do not reopen the welcome page.
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
});
listenToContextMenu();
browser.runtime.onStartup.addListener(() => void syncAutoApply());
browser.permissions.onAdded.addListener(() => void syncAutoApply());
browser.permissions.onRemoved.addListener(() => void syncAutoApply());

let pending: ReturnType<typeof setTimeout> | undefined;
watchPreferences(() => {
  // A slider drag writes several times in a row; re-register once it settles.
  clearTimeout(pending);
  pending = setTimeout(() => void syncAutoApply(), 100);
});
