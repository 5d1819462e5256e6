/** The live page's preferences read from storage (the checks are page-fields.ts). */
import { type PagePreferences, pageDefaults, pageFields } from './page-fields';
import { GLOBAL_KEY, readRaw, siteKey } from './raw-storage';

export { type PagePreferences, pageDefaults, pageFields };

/** The preferences the page follows: a site's own fields over the global ones over the defaults. */
export async function loadPagePreferences(origin: string): Promise<PagePreferences> {
  const raw = await readRaw([GLOBAL_KEY, siteKey(origin)]);
  return { ...pageDefaults(), ...pageFields(raw[GLOBAL_KEY]), ...pageFields(raw[siteKey(origin)]) };
}
