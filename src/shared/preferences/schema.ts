/**
 * Preferences: the defaults define the shape, a schema checks every field, and
 * repair keeps each valid field while replacing only the broken ones.
 * Stored data is never wiped: unknown fields (say, from a newer version of the
 * extension) are carried along untouched when we write.
 */
import * as v from 'valibot';
import { DEFAULT_TEXT_SCALE, nearestTextScaleStep, type TextScaleStep } from '../text-scale-steps';
import { migrateToCurrent } from './migrations';

export const PREFERENCES_VERSION = 1;

export interface GlobalPreferences {
  version: number;
  /** Text size in percent for every site without its own setting. */
  textScale: TextScaleStep;
}

/** A site's own settings: each field present overrides the global one. */
export interface SitePreferences {
  textScale?: TextScaleStep;
}

export const DEFAULT_GLOBAL_PREFERENCES: GlobalPreferences = {
  version: PREFERENCES_VERSION,
  textScale: DEFAULT_TEXT_SCALE,
};

/** Any sane percentage is kept as the user's intent, snapped to the nearest step. */
const textScaleSchema = v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(1000), v.transform(nearestTextScaleStep));

const fieldSchemas = {
  textScale: textScaleSchema,
} satisfies Record<keyof SitePreferences, v.GenericSchema>;

export interface Repaired<T> {
  value: T;
  /** Human-readable notes on what was replaced, for the console. */
  problems: string[];
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function describe(raw: unknown): string {
  try {
    return JSON.stringify(raw)?.slice(0, 60) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** Validates the known fields one by one; `partial` leaves missing fields out instead of defaulting them. */
function repairFields(raw: Record<string, unknown>, partial: boolean): Repaired<SitePreferences> & { value: Partial<GlobalPreferences> } {
  const value: Partial<GlobalPreferences> = {};
  const problems: string[] = [];
  for (const [field, schema] of Object.entries(fieldSchemas) as [keyof SitePreferences, v.GenericSchema][]) {
    if (!(field in raw) || raw[field] === undefined) {
      if (!partial) value[field] = DEFAULT_GLOBAL_PREFERENCES[field];
      continue;
    }
    const parsed = v.safeParse(schema, raw[field]);
    if (parsed.success) {
      value[field] = parsed.output as TextScaleStep;
    } else {
      problems.push(`${field} was ${describe(raw[field])}; ${partial ? 'dropped' : `using ${DEFAULT_GLOBAL_PREFERENCES[field]}`}`);
      if (!partial) value[field] = DEFAULT_GLOBAL_PREFERENCES[field];
    }
  }
  return { value, problems };
}

function readVersion(raw: Record<string, unknown>): number {
  const version = raw.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export function repairGlobalPreferences(raw: unknown): Repaired<GlobalPreferences> {
  if (raw === undefined) return { value: { ...DEFAULT_GLOBAL_PREFERENCES }, problems: [] };
  if (!isPlainObject(raw)) {
    return {
      value: { ...DEFAULT_GLOBAL_PREFERENCES },
      problems: [`global preferences were ${describe(raw)}, not an object; using defaults`],
    };
  }
  const version = readVersion(raw);
  const migrated = migrateToCurrent(raw, version, PREFERENCES_VERSION);
  const { value, problems } = repairFields(migrated, false);
  // A newer extension may have written this; keep its version so we never downgrade the data.
  return { value: { ...(value as GlobalPreferences), version: Math.max(version, PREFERENCES_VERSION) }, problems };
}

export function repairSitePreferences(raw: unknown): Repaired<SitePreferences> {
  if (raw === undefined) return { value: {}, problems: [] };
  if (!isPlainObject(raw)) {
    return { value: {}, problems: [`site preferences were ${describe(raw)}, not an object; ignoring them`] };
  }
  const migrated = migrateToCurrent(raw, readVersion(raw), PREFERENCES_VERSION);
  return repairFields(migrated, true);
}

/** What a stored object becomes after a write: unknown fields kept, known fields valid, patch applied. */
export function mergeForWrite(raw: unknown, repaired: object, patch: object): Record<string, unknown> {
  const base = isPlainObject(raw) ? raw : {};
  return { ...base, ...repaired, ...patch };
}
