/**
 * Whole-store operations the options page needs and the preferences module
 * does not offer one key at a time: read every stored object as it is (for
 * export), and write or remove many keys in one storage call (import, reset).
 * One call, not one per site, because storage.sync allows only 120 writes a
 * minute. Same rules as the preferences module: sync first, local as the
 * fallback, and a local copy wins until a sync write succeeds and removes it.
 */
import browser from 'webextension-polyfill';
import { PREFERENCES_VERSION, type SitePreferences } from '../shared/preferences/schema';
import { GLOBAL_KEY, isPreferencesKey, originFromKey, siteKey } from '../shared/preferences/storage';
import type { ImportPlan } from './settings-file';

export interface RawSettings {
  global: unknown;
  sites: Record<string, unknown>;
}

async function readAll(): Promise<Record<string, unknown>> {
  const [synced, local] = await Promise.all([browser.storage.sync.get(null).catch(() => ({})), browser.storage.local.get(null)]);
  return { ...synced, ...local };
}

/** Every stored preferences object, unrepaired, unknown fields included. */
export async function readRawSettings(): Promise<RawSettings> {
  const stored = await readAll();
  const sites: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const origin = originFromKey(key);
    if (origin) sites[origin] = value;
  }
  return { global: stored[GLOBAL_KEY], sites };
}

async function removeKeys(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await Promise.all([browser.storage.sync.remove(keys).catch(() => undefined), browser.storage.local.remove(keys)]);
}

async function writeEntries(entries: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(entries);
  if (keys.length === 0) return;
  try {
    await browser.storage.sync.set(entries);
  } catch (error) {
    console.warn(`[EasyRead] storage.sync refused the imported settings (${String(error)}); keeping them in local storage`);
    await browser.storage.local.set(entries);
    return;
  }
  await browser.storage.local.remove(keys);
}

/** "Reset everything": the settings for all sites and every site's own settings. */
export async function removeAllSettings(): Promise<void> {
  const stored = await readAll();
  await removeKeys(Object.keys(stored).filter(isPreferencesKey));
}

/**
 * Writes a validated import: the settings for all sites are replaced by the
 * file's (fields it does not set go back to the defaults), each site in the
 * file gets exactly the file's settings, and other sites are left alone.
 */
export async function writeImport(plan: ImportPlan): Promise<void> {
  const entries: Record<string, unknown> = {};
  const removals: string[] = [];
  if (Object.keys(plan.global).length > 0) entries[GLOBAL_KEY] = { version: PREFERENCES_VERSION, ...plan.global };
  else removals.push(GLOBAL_KEY);
  for (const [origin, preferences] of plan.sites) entries[siteKey(origin)] = { ...preferences } satisfies SitePreferences;
  await removeKeys(removals);
  await writeEntries(entries);
}
