/**
 * Storage keys and raw reads of preferences, with no schema: the always-on
 * content script reads through here (page-preferences.ts) without carrying the
 * full repair of storage.ts and schema.ts.
 */
import browser from 'webextension-polyfill';

export const GLOBAL_KEY = 'preferences';
const SITE_KEY_PREFIX = 'site:';

export function siteKey(origin: string): string {
  return `${SITE_KEY_PREFIX}${origin}`;
}

export function isPreferencesKey(key: string): boolean {
  return key === GLOBAL_KEY || key.startsWith(SITE_KEY_PREFIX);
}

export function originFromKey(key: string): string | undefined {
  return key.startsWith(SITE_KEY_PREFIX) ? key.slice(SITE_KEY_PREFIX.length) : undefined;
}

/** Stored objects as they are (unrepaired), from both areas; null reads everything. */
export async function readRaw(keys: string[] | null): Promise<Record<string, unknown>> {
  const [synced, local] = await Promise.all([browser.storage.sync.get(keys).catch(() => ({})), browser.storage.local.get(keys)]);
  return { ...synced, ...local };
}

/** Calls back with the preference keys that changed, in either storage area. */
export function watchPreferences(onChange: (keys: string[]) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    const keys = Object.keys(changes).filter(isPreferencesKey);
    if (keys.length > 0) onChange(keys);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
