/**
 * What the live page needs of the preferences: the text size and every
 * feature's fields, read by the always-on content script. Each field is
 * checked on its own as schema.ts checks it (a feature field is one of its
 * choices; the text size is a sane percentage, snapped to a step), without the
 * schema library, which the always-on script cannot afford: a broken field
 * falls back to the global value or the default, never the whole object.
 * tests/unit/page-preferences.test.ts holds both checks to the same answers.
 * Pure; page-preferences.ts reads storage with it.
 */
import type { FeatureValues } from '../features/feature';
import { FEATURE_FIELDS, featureDefaults } from '../features/registry';
import { DEFAULT_TEXT_SCALE, nearestTextScaleStep } from '../text-scale-steps';
import { migrateToCurrent, PREFERENCES_VERSION, readVersion } from './migrations';

export type PagePreferences = { textScale: number } & FeatureValues;

export const pageDefaults = (): PagePreferences => ({ textScale: DEFAULT_TEXT_SCALE, ...featureDefaults() });

/** The valid page fields of a stored object (global, a site's, or a boot file's); the rest left out. */
export function pageFields(raw: unknown): Partial<PagePreferences> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const stored = migrateToCurrent(raw as Record<string, unknown>, readVersion(raw as Record<string, unknown>), PREFERENCES_VERSION);
  const fields: Record<string, unknown> = {};
  const scale = stored.textScale;
  if (typeof scale === 'number' && Number.isFinite(scale) && scale >= 1 && scale <= 1000) fields.textScale = nearestTextScaleStep(scale);
  for (const { name, field } of FEATURE_FIELDS) {
    if ((field.choices as readonly unknown[]).includes(stored[name])) fields[name] = stored[name];
  }
  return fields as Partial<PagePreferences>;
}
