/**
 * All user-facing strings come from _locales (en, ja). Extension pages mark
 * text with data-i18n="key" (and data-i18n-attr="aria-label:key" for
 * attributes) and call localizePage once.
 */
import browser from 'webextension-polyfill';
import type messages from '../../public/_locales/en/messages.json';

/** Every message the extension has: t() takes no other key, so a typo or a removed message does not compile. */
export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  // An empty string means a missing key: show the key so the gap is visible, not a blank button.
  return message || key;
}

export function localizePage(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    // Keys written in our own HTML; the project-rule tests check each exists in both languages.
    element.textContent = t((element.dataset.i18n ?? '') as MessageKey);
  }
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (element.dataset.i18nAttr ?? '').split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key as MessageKey));
    }
  }
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('ja') ? 'ja' : 'en';
}
