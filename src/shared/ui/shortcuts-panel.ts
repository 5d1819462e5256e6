import browser from 'webextension-polyfill';
import { t } from '../i18n';
import { shortcutKeys } from '../shortcut-keys';

export async function renderShortcuts(list: HTMLElement): Promise<void> {
  const commands = await browser.commands.getAll();
  list.replaceChildren();
  for (const command of commands) {
    const term = document.createElement('dt');
    term.textContent = command.description || t('commandOpenPopup');
    const keys = document.createElement('dd');
    keys.textContent = command.shortcut ? shortcutKeys(command.shortcut) : t('shortcutNotSet');
    list.append(term, keys);
  }
}

/** Firefox 137+ has its own call; Chrome lets extensions open its shortcut page directly. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
