/**
 * Sending messages through the typed maps of messages.ts: the request must
 * have the shape its type names, and the reply has the type the map gives it
 * (the one cast, here, is what the receiver's handler promises).
 */
import browser from 'webextension-polyfill';
import type { MessageMap, TabMessageMap } from './messages';

export function sendToBackground<K extends keyof MessageMap>(
  message: MessageMap[K]['request'] & { type: K },
): Promise<MessageMap[K]['response']> {
  return browser.runtime.sendMessage(message) as Promise<MessageMap[K]['response']>;
}

/** To our page script in the tab's top frame. */
export function sendToTab<K extends keyof TabMessageMap>(
  tabId: number,
  message: TabMessageMap[K]['request'] & { type: K },
): Promise<TabMessageMap[K]['response']> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<TabMessageMap[K]['response']>;
}
