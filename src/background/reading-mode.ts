/**
 * Reading mode, background side: injects the on-demand overlay script, and
 * passes the page snapshot from the page to the reader page framed in it.
 *
 * The overlay starts loading the reader frame and sends the snapshot at the
 * same time, so the reader may ask before the snapshot is here: it then waits
 * for it. Snapshots live in memory for that hand-over; storage.session keeps a
 * copy when it fits (a Chrome service worker can be stopped in between), and
 * the copy is removed as soon as the reader has taken it. Nothing is written to disk.
 */
import browser from 'webextension-polyfill';
import type { PageSnapshot } from '../reader/article';
import readerOverlayScript from '../reader/overlay/reader-overlay.iife.ts?script';

const snapshotKey = (tabId: number) => `reader-page:${tabId}`;
const HAND_OVER_TIMEOUT_MS = 10_000;

const snapshots = new Map<number, PageSnapshot>();
const waiting = new Map<number, (page: PageSnapshot | null) => void>();

export async function toggleReadingMode(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [readerOverlayScript], injectImmediately: true });
  const reply = (await browser.tabs.sendMessage(tabId, { type: 'reader-toggle' }, { frameId: 0 })) as { open: boolean };
  return reply.open;
}

export async function storeSnapshot(tabId: number, page: PageSnapshot): Promise<void> {
  const waiter = waiting.get(tabId);
  if (waiter) {
    waiting.delete(tabId);
    waiter(page);
    return;
  }
  snapshots.set(tabId, page);
  // storage.session holds 10 MB for everything: a huge page is handed over from memory only.
  await browser.storage.session.set({ [snapshotKey(tabId)]: page }).catch(() => undefined);
}

export async function takeSnapshot(tabId: number): Promise<PageSnapshot | null> {
  const key = snapshotKey(tabId);
  const inMemory = snapshots.get(tabId);
  snapshots.delete(tabId);
  const stored = inMemory ? undefined : ((await browser.storage.session.get(key))[key] as PageSnapshot | undefined);
  void browser.storage.session.remove(key);
  if (inMemory ?? stored) return inMemory ?? stored ?? null;
  return new Promise((resolve) => {
    waiting.set(tabId, resolve);
    setTimeout(() => {
      if (waiting.get(tabId) !== resolve) return;
      waiting.delete(tabId);
      resolve(null);
    }, HAND_OVER_TIMEOUT_MS);
  });
}

export async function closeReadingMode(tabId: number): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: 'reader-close' }, { frameId: 0 });
  forget(tabId);
}

function forget(tabId: number): void {
  snapshots.delete(tabId);
  void browser.storage.session.remove(snapshotKey(tabId));
}

browser.tabs.onRemoved.addListener(forget);
