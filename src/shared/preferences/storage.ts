/**
 * Where preferences live: storage.sync, so they follow the user to other
 * machines, with storage.local as the fallback when sync is unavailable or
 * over quota. A key written to local because sync failed wins over the sync
 * copy until a later sync write succeeds and removes it.
 */
import browser from 'webextension-polyfill';
import { GLOBAL_KEY, originFromKey, readRaw, siteKey } from './raw-storage';
import { type GlobalPreferences, mergeForWrite, repairGlobalPreferences, repairSitePreferences, type SitePreferences } from './schema';

export { GLOBAL_KEY, isPreferencesKey, originFromKey, readRaw, siteKey, watchPreferences } from './raw-storage';

/** Writes several keys in one storage call (storage.sync allows 120 writes a minute). */
export async function writeMany(entries: Record<string, unknown>): Promise<void> {
  const keys = Object.keys(entries);
  if (keys.length === 0) return;
  try {
    await browser.storage.sync.set(entries);
  } catch (error) {
    console.warn(`[EasyRead] storage.sync refused ${keys.join(', ')} (${String(error)}); keeping them in local storage`);
    await browser.storage.local.set(entries);
    return;
  }
  await browser.storage.local.remove(keys);
}

export async function removeMany(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await Promise.all([browser.storage.sync.remove(keys).catch(() => undefined), browser.storage.local.remove(keys)]);
}

const writeRaw = (key: string, value: unknown) => writeMany({ [key]: value });

function report(where: string, problems: string[]): void {
  for (const problem of problems) console.warn(`[EasyRead] repaired ${where}: ${problem}`);
}

export interface StoredPreferences {
  global: GlobalPreferences;
  /** Undefined when the site follows the global settings. */
  site: SitePreferences | undefined;
}

export async function loadPreferences(origin: string | undefined): Promise<StoredPreferences> {
  const keys = origin ? [GLOBAL_KEY, siteKey(origin)] : [GLOBAL_KEY];
  const raw = await readRaw(keys);
  const global = repairGlobalPreferences(raw[GLOBAL_KEY]);
  report('global preferences', global.problems);
  if (!origin || raw[siteKey(origin)] === undefined) return { global: global.value, site: undefined };
  const site = repairSitePreferences(raw[siteKey(origin)]);
  report(`preferences for ${origin}`, site.problems);
  return { global: global.value, site: site.value };
}

export async function loadAllSites(): Promise<Map<string, SitePreferences>> {
  const raw = await readRaw(null);
  const sites = new Map<string, SitePreferences>();
  for (const [key, value] of Object.entries(raw)) {
    const origin = originFromKey(key);
    if (origin) sites.set(origin, repairSitePreferences(value).value);
  }
  return sites;
}

let lastChange: Promise<unknown> = Promise.resolve();

/**
 * Changes made from one page (or the background) run one after another, each
 * reading what the one before wrote. Firefox's storage.sync can finish set()
 * calls out of order: quick changes (a list stepped through with the arrow
 * keys) could otherwise leave an older value stored, and two settings changed
 * at once could each write over the other.
 */
function oneAtATime(change: () => Promise<void>): Promise<void> {
  const done = lastChange.then(change);
  lastChange = done.catch(() => undefined);
  return done;
}

export function updateGlobalPreferences(patch: Partial<Omit<GlobalPreferences, 'version'>>): Promise<void> {
  return oneAtATime(async () => {
    const raw = (await readRaw([GLOBAL_KEY]))[GLOBAL_KEY];
    await writeRaw(GLOBAL_KEY, mergeForWrite(raw, repairGlobalPreferences(raw).value, patch));
  });
}

export function updateSitePreferences(origin: string, patch: SitePreferences): Promise<void> {
  return oneAtATime(async () => {
    const key = siteKey(origin);
    const raw = (await readRaw([key]))[key];
    await writeRaw(key, mergeForWrite(raw, repairSitePreferences(raw).value, patch));
  });
}

/**
 * Writes `patch` and takes the `remove` fields out of the stored object at one
 * place (a site's, or the global one when origin is undefined); with
 * `dropIfEmpty`, an object left with nothing but its version goes (presets'
 * undo: storage exactly as before).
 */
export function changeStoredFields(
  origin: string | undefined,
  change: { patch: SitePreferences; remove: readonly string[]; dropIfEmpty: boolean },
): Promise<void> {
  return oneAtATime(async () => {
    const key = origin ? siteKey(origin) : GLOBAL_KEY;
    const raw = (await readRaw([key]))[key];
    const repaired = origin ? repairSitePreferences(raw).value : repairGlobalPreferences(raw).value;
    const next = mergeForWrite(raw, repaired, change.patch);
    for (const field of change.remove) delete next[field];
    const left = Object.keys(next).filter((field) => field !== 'version');
    if (change.dropIfEmpty && left.length === 0) await removeMany([key]);
    else await writeRaw(key, next);
  });
}

/** The fields stored at one place (a site's, or the global object), repaired; undefined when nothing is stored there. */
export async function readStoredFields(origin: string | undefined): Promise<SitePreferences | undefined> {
  const key = origin ? siteKey(origin) : GLOBAL_KEY;
  const raw = (await readRaw([key]))[key];
  return raw === undefined ? undefined : repairSitePreferences(raw).value;
}

/** The site goes back to following the global settings. */
export function forgetSite(origin: string): Promise<void> {
  return oneAtATime(() => removeMany([siteKey(origin)]));
}
