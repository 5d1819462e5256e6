/**
 * Preferences: the defaults define the shape, a schema checks every field, and
 * repair keeps each valid field while replacing only the broken ones.
 * Stored data is never wiped: unknown fields (say, from a newer version of the
 * extension) are carried along untouched when we write.
 */
import * as v from 'valibot';
import type { FeatureValues } from '../features/feature';
import { featureDefaults, featureSchemas } from '../features/registry';
import { DEFAULT_TEXT_SCALE, nearestTextScaleStep } from '../text-scale-steps';
import { migrateToCurrent } from './migrations';

export const PREFERENCES_VERSION = 1;

export const READER_FONTS = ['system-sans', 'system-serif', 'atkinson', 'opendyslexic', 'ud'] as const;
export const READER_WIDTHS = ['narrow', 'medium', 'wide', 'full'] as const;
export const READER_ALIGNS = ['start', 'justify'] as const;
export const READER_THEMES = [
  'light',
  'sepia',
  'dark',
  'black-on-yellow',
  'yellow-on-black',
  'gov-white',
  'gov-black',
  'gov-blue',
] as const;

/** Any sane percentage is kept as the user's intent, snapped to the nearest step. */
const textScaleSchema = v.pipe(v.number(), v.finite(), v.minValue(1), v.maxValue(1000), v.transform(nearestTextScaleStep));
const range = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

/** One schema per field of the extension's own surfaces; the live-page features bring theirs (src/features/). */
const coreSchemas = {
  /** Text size in percent, on the live page and in reading mode. */
  textScale: textScaleSchema,
  readerFont: v.picklist(READER_FONTS),
  /** Unitless line height. */
  readerLineHeight: range(1, 3),
  /** In em. */
  readerLetterSpacing: range(0, 0.3),
  /** In em. */
  readerWordSpacing: range(0, 1),
  readerWidth: v.picklist(READER_WIDTHS),
  readerAlign: v.picklist(READER_ALIGNS),
  readerTheme: v.picklist(READER_THEMES),
  readerImages: v.boolean(),
  /** 縦書き: vertical writing for Japanese text. */
  readerVertical: v.boolean(),
  speechRate: range(0.5, 2),
  /** Voice name; empty means "the best local voice for the article's language". */
  speechVoice: v.pipe(v.string(), v.maxLength(200)),
};

type FieldValues = { [K in keyof typeof coreSchemas]: v.InferOutput<(typeof coreSchemas)[K]> } & FeatureValues;

/** The types, the checks and the repair all come from here. */
const fieldSchemas: Record<keyof FieldValues, v.GenericSchema> = { ...coreSchemas, ...featureSchemas() };

export type GlobalPreferences = { version: number } & FieldValues;

/** A site's own settings: each field present overrides the global one. */
export type SitePreferences = Partial<FieldValues>;

export const DEFAULT_GLOBAL_PREFERENCES: GlobalPreferences = {
  version: PREFERENCES_VERSION,
  textScale: DEFAULT_TEXT_SCALE,
  readerFont: 'system-sans',
  readerLineHeight: 1.6,
  readerLetterSpacing: 0,
  readerWordSpacing: 0,
  readerWidth: 'medium',
  readerAlign: 'start',
  readerTheme: 'light',
  readerImages: true,
  readerVertical: false,
  speechRate: 1,
  speechVoice: '',
  ...featureDefaults(),
};

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
function repairFields(raw: Record<string, unknown>, partial: boolean): Repaired<SitePreferences> {
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [field, schema] of Object.entries(fieldSchemas) as [keyof FieldValues, v.GenericSchema][]) {
    const fallback = DEFAULT_GLOBAL_PREFERENCES[field];
    if (!(field in raw) || raw[field] === undefined) {
      if (!partial) value[field] = fallback;
      continue;
    }
    const parsed = v.safeParse(schema, raw[field]);
    if (parsed.success) {
      value[field] = parsed.output;
    } else {
      problems.push(`${field} was ${describe(raw[field])}; ${partial ? 'dropped' : `using ${JSON.stringify(fallback)}`}`);
      if (!partial) value[field] = fallback;
    }
  }
  return { value: value as SitePreferences, problems };
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

/**
 * What a stored object becomes after a write: unknown fields kept, broken known
 * fields replaced by their repaired value, the patch applied. Defaults are not
 * written out, so a later version can still improve a default the user never chose.
 */
export function mergeForWrite(raw: unknown, repaired: object, patch: object): Record<string, unknown> {
  const base = isPlainObject(raw) ? raw : {};
  const fixes = Object.fromEntries(Object.entries(repaired).filter(([key]) => key in base || key === 'version'));
  return { ...base, ...fixes, ...patch };
}
