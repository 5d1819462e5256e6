/**
 * Reading mode, background side: injects the on-demand overlay script, and
 * passes the extracted article from the page to the reader page framed in it.
 * The article waits in storage.session (not in memory: a service worker may
 * be stopped between the two messages); it is never written to disk.
 */
import browser from 'webextension-polyfill';
import type { Article } from '../reader/article';
import readerOverlayScript from '../reader/overlay/reader-overlay.iife.ts?script';

const articleKey = (tabId: number) => `reader-article:${tabId}`;

export async function toggleReadingMode(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [readerOverlayScript], injectImmediately: true });
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'reader-toggle' }, { frameId: 0 })) as { open: boolean };
  return reply.open;
}

export async function storeArticle(tabId: number, article: Article | null): Promise<void> {
  await browser.storage.session.set({ [articleKey(tabId)]: article });
}

export async function takeArticle(tabId: number): Promise<Article | null> {
  const key = articleKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as Article | null | undefined) ?? null;
}

export async function closeReadingMode(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'reader-close' }, { frameId: 0 });
  await browser.storage.session.remove(articleKey(tabId));
}

browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(articleKey(tabId)));
