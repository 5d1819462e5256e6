/**
 * "Reading mode" in the page's context menu. Choosing a menu item grants
 * activeTab, like the toolbar button and the shortcuts.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { runCommand } from './commands';

const READING_MODE_ITEM = 'toggle-reading-mode';

export function createContextMenu(): void {
  // Re-created on every install and update; remove first so the id never clashes.
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: READING_MODE_ITEM,
      title: t('contextMenuReadingMode'),
      contexts: ['page', 'selection', 'link', 'image'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
}

export function listenToContextMenu(): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== READING_MODE_ITEM || tab?.id === undefined) return;
    void runCommand('toggle-reading-mode', tab.id);
  });
}
