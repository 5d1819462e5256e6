/**
 * Whole-store operations the options page needs and the preferences module
 * does not offer one key at a time: read every stored object as it is (for
 * export), and write or remove many keys in one storage call (import, reset).
 * One call, not one per site, because storage.sync allows only 120 writes a
 * minute. The storage rules (sync first, local as the fallback) are the
 * preferences module's own.
 */
import { PREFERENCES_VERSION, type SitePreferences } from '../shared/preferences/schema';
import { GLOBAL_KEY, isPreferencesKey, originFromKey, readRaw, removeMany, siteKey, writeMany } from '../shared/preferences/storage';
import type { ImportPlan } from './settings-file';

export interface RawSettings {
  global: unknown;
  sites: Record<string, unknown>;
}

/** Every stored preferences object, unrepaired, unknown fields included. */
export async function readRawSettings(): Promise<RawSettings> {
  const stored = await readRaw(null);
  const sites: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const origin = originFromKey(key);
    if (origin) sites[origin] = value;
  }
  return { global: stored[GLOBAL_KEY], sites };
}

/** "Reset everything": the settings for all sites and every site's own settings. */
export async function removeAllSettings(): Promise<void> {
  const stored = await readRaw(null);
  await removeMany(Object.keys(stored).filter(isPreferencesKey));
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
  await removeMany(removals);
  await writeMany(entries);
}
