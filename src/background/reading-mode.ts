/**
 * Reading mode, background side: injects the on-demand overlay script, and
 * passes the page snapshot from the page to the reader page framed in it.
 * The snapshot waits in storage.session (not in memory: a service worker may
 * be stopped between the two messages); it is never written to disk.
 */
import browser from 'webextension-polyfill';
import type { PageSnapshot } from '../reader/article';
import readerOverlayScript from '../reader/overlay/reader-overlay.iife.ts?script';

const snapshotKey = (tabId: number) => `reader-page:${tabId}`;

export async function toggleReadingMode(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [readerOverlayScript], injectImmediately: true });
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'reader-toggle' }, { frameId: 0 })) as { open: boolean };
  return reply.open;
}

export async function storeSnapshot(tabId: number, page: PageSnapshot): Promise<void> {
  await browser.storage.session.set({ [snapshotKey(tabId)]: page });
}

export async function takeSnapshot(tabId: number): Promise<PageSnapshot | null> {
  const key = snapshotKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as PageSnapshot | undefined) ?? null;
}

export async function closeReadingMode(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'reader-close' }, { frameId: 0 });
  await browser.storage.session.remove(snapshotKey(tabId));
}

browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(snapshotKey(tabId)));
