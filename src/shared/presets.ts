/**
 * Presets (issue 11): one click sets several preferences at once, one click
 * undoes it. Pure: the definitions, and "apply / undo" over the fields stored
 * at one place (the global object or one site's object). The glue that reads
 * and writes storage is preferences/preset-storage.ts.
 */
import * as v from 'valibot';
import type { FeaturePresets } from './features/feature';
import type { EffectivePreferences } from './preferences/resolve';
import { repairSitePreferences, type SitePreferences } from './preferences/schema';

/** Each feature module's `presets` export (only here, so no other surface carries them). */
const FEATURE_PRESETS = import.meta.glob<FeaturePresets<SitePreferences>>('../features/*.ts', { eager: true, import: 'presets' });

/** The presets, in the order of their buttons. */
export const PRESET_NAMES = ['larger-text', 'high-contrast', 'easier-to-read'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Name → the preferences it sets: the text size here, the rest from the
 * features that say which presets they join (Feature.presets). "Calm" waits for
 * the calm-page adjustments.
 */
export const PRESETS: Record<PresetName, SitePreferences> = {
  'larger-text': { textScale: 150 },
  'high-contrast': {},
  'easier-to-read': {},
};
for (const presets of Object.values(FEATURE_PRESETS)) {
  for (const [name, values] of Object.entries(presets)) {
    if (isPresetName(name)) Object.assign(PRESETS[name], values);
  }
}

type Field = keyof SitePreferences;

/**
 * What one preset found where it wrote: each of its fields' stored value, or
 * null when the field was not stored there (a site field that followed all
 * sites, a global field at its default), and whether the object was there at all.
 */
export interface PresetBefore {
  fields: Partial<Record<Field, unknown>>;
  created: boolean;
}

/** The undo records of one place, by preset (the presets share no field, so each undoes alone). */
export type PresetUndoRecords = Partial<Record<PresetName, PresetBefore>>;

export interface FieldChange {
  /** Fields to write. */
  patch: SitePreferences;
  /** Fields to take out of the stored object, so it follows all sites or the default again. */
  remove: Field[];
  /** The stored object may go when nothing but its version is left (it did not exist before). */
  dropIfEmpty: boolean;
}

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

/** `stored`: the fields stored at the place the preset writes to; undefined when nothing is stored there. */
export function applyPreset(stored: SitePreferences | undefined, name: PresetName): { change: FieldChange; before: PresetBefore } {
  const patch: SitePreferences = { ...PRESETS[name] };
  const fields: PresetBefore['fields'] = {};
  for (const field of Object.keys(patch) as Field[]) fields[field] = stored?.[field] ?? null;
  return { change: { patch, remove: [], dropIfEmpty: false }, before: { fields, created: stored === undefined } };
}

/** The preset's fields exactly as they were: values put back, fields that were absent taken out again. */
export function undoPreset(before: PresetBefore): FieldChange {
  const patch: Record<string, unknown> = {};
  const remove: Field[] = [];
  for (const [field, value] of Object.entries(before.fields) as [Field, unknown][]) {
    if (value === null) remove.push(field);
    else patch[field] = value;
  }
  return { patch: patch as SitePreferences, remove, dropIfEmpty: before.created };
}

/** Pressed: the preset was applied here and every one of its fields still shows its value. */
export function isPresetActive(name: PresetName, records: PresetUndoRecords, effective: EffectivePreferences): boolean {
  if (!records[name]) return false;
  return Object.entries(PRESETS[name]).every(([field, value]) => effective[field as Field] === value);
}

const beforeSchema = v.object({ fields: v.record(v.string(), v.unknown()), created: v.boolean() });

/**
 * Records read back from storage, checked like stored preferences: a record of
 * an unknown preset is dropped, and a stored value that no longer passes the
 * preferences schema drops that record (undoing it could write a broken value).
 */
export function repairPresetUndoRecords(raw: unknown): PresetUndoRecords {
  const records: PresetUndoRecords = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return records;
  for (const [name, entry] of Object.entries(raw)) {
    const parsed = v.safeParse(beforeSchema, entry);
    if (!isPresetName(name) || !parsed.success) continue;
    const expected = Object.keys(PRESETS[name]);
    const { fields } = parsed.output;
    const values = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
    const valid = repairSitePreferences(values);
    const sameFields = expected.length === Object.keys(fields).length && expected.every((field) => field in fields);
    if (!sameFields || valid.problems.length > 0 || Object.keys(valid.value).length !== Object.keys(values).length) continue;
    records[name] = { fields: { ...fields, ...valid.value }, created: parsed.output.created };
  }
  return records;
}
