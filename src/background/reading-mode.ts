/**
 * Reading mode, background side: injects the on-demand overlay script, and
 * passes the page snapshot from the page to the reader page framed in it.
 *
 * Each opening has its own random token, in the reader frame's URL and with
 * the snapshot: the snapshot goes only to a reader that shows the token of
 * that opening, once. Another frame of the reader page (a page can load it, it
 * is web-accessible) gets nothing and cannot take the user's snapshot away.
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
import { sendToTab } from '../shared/messaging';

const snapshotKey = (tabId: number) => `reader-page:${tabId}`;
const HAND_OVER_TIMEOUT_MS = 10_000;

interface Opening {
  token: string;
  page: PageSnapshot;
}

const snapshots = new Map<number, Opening>();
interface Waiter {
  token: string;
  resolve: (page: PageSnapshot | null) => void;
}
/** The token whose snapshot was handed over last, per tab: asking again with it gets nothing, at once. */
const taken = new Map<number, string>();
/** Readers that asked before their snapshot arrived (any number: a false one must not displace the real one). */
const waiting = new Map<number, Set<Waiter>>();

export async function toggleReadingMode(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [readerOverlayScript], injectImmediately: true });
  const reply = await sendToTab(tabId, { type: 'reader-toggle' });
  return reply.open;
}

/** From the overlay in the tab's top frame: the snapshot of this opening (a new opening replaces an older one). */
export async function storeSnapshot(tabId: number, token: string, page: PageSnapshot): Promise<void> {
  const waiter = [...(waiting.get(tabId) ?? [])].find((entry) => entry.token === token);
  if (waiter) {
    waiting.get(tabId)?.delete(waiter);
    taken.set(tabId, token);
    waiter.resolve(page);
    return;
  }
  snapshots.set(tabId, { token, page });
  // storage.session holds 10 MB for everything: a huge page is handed over from memory only.
  await browser.storage.session.set({ [snapshotKey(tabId)]: { token, page } }).catch(() => undefined);
}

/** For the reader frame in that tab: the snapshot if the token is this opening's, once; otherwise null. */
export async function takeSnapshot(tabId: number, token: string): Promise<PageSnapshot | null> {
  if (taken.get(tabId) === token) return null;
  const key = snapshotKey(tabId);
  const opening = snapshots.get(tabId) ?? ((await browser.storage.session.get(key))[key] as Opening | undefined);
  if (opening) {
    if (opening.token !== token) return null;
    forget(tabId);
    taken.set(tabId, token);
    return opening.page;
  }
  return new Promise((resolve) => {
    const waiter = { token, resolve };
    const set = waiting.get(tabId) ?? new Set<Waiter>();
    waiting.set(tabId, set.add(waiter));
    setTimeout(() => {
      set.delete(waiter);
      resolve(null);
    }, HAND_OVER_TIMEOUT_MS);
  });
}

export async function closeReadingMode(tabId: number): Promise<void> {
  await sendToTab(tabId, { type: 'reader-close' });
  forget(tabId);
}

function forget(tabId: number): void {
  snapshots.delete(tabId);
  waiting.delete(tabId);
  void browser.storage.session.remove(snapshotKey(tabId));
}

browser.tabs.onRemoved.addListener((tabId) => {
  forget(tabId);
  taken.delete(tabId);
});
