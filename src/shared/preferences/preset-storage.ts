/**
 * Presets applied and undone where the popup's scope says (the welcome page:
 * all sites). The "before" values for undo live in storage.session, not next
 * to the preferences: an undo belongs to the moment the preset was chosen. In
 * storage.session it survives the popup closing and the background sleeping,
 * but not a browser restart, so a preset lived with for days is not undone to
 * values the user has forgotten; it never syncs to another machine (where
 * the preferences may since differ), costs no storage.sync quota, and stays
 * out of the settings backup. Read back, it is checked like every stored
 * preference (repairPresetUndoRecords).
 */
import browser from 'webextension-polyfill';
import {
  applyPreset,
  isPresetActive,
  PRESET_NAMES,
  type PresetName,
  type PresetUndoRecords,
  repairPresetUndoRecords,
  undoPreset,
} from '../presets';
import { resolvePreferences, type Scope, scopeOf } from './resolve';
import { changeStoredFields, loadPreferences, readStoredFields } from './storage';

const UNDO_KEY_PREFIX = 'presetUndo:';

/** One record per place: the global object, or a site's own object. */
const undoKey = (target: string | undefined) => `${UNDO_KEY_PREFIX}${target ?? 'global'}`;

async function readRecords(target: string | undefined): Promise<PresetUndoRecords> {
  const key = undoKey(target);
  return repairPresetUndoRecords((await browser.storage.session.get(key))[key]);
}

async function writeRecords(target: string | undefined, records: PresetUndoRecords): Promise<void> {
  const key = undoKey(target);
  if (Object.keys(records).length === 0) await browser.storage.session.remove(key);
  else await browser.storage.session.set({ [key]: records });
}

export interface PresetState {
  scope: Scope;
  /** The presets that are on where the scope says (pressed buttons). */
  active: PresetName[];
}

/** origin undefined: all sites (the welcome page). */
export async function readPresetState(origin: string | undefined): Promise<PresetState> {
  const { global, site } = await loadPreferences(origin);
  const scope = scopeOf(site);
  const records = await readRecords(scope === 'site' ? origin : undefined);
  const effective = resolvePreferences(global, site);
  return { scope, active: PRESET_NAMES.filter((name) => isPresetActive(name, records, effective)) };
}

let lastToggle: Promise<unknown> = Promise.resolve();

/**
 * Applies the preset, or undoes it when it is on; says which, and where.
 * One at a time: a double click must not record the preset's own values as
 * the "before" of a second application.
 */
export function togglePreset(origin: string | undefined, name: PresetName): Promise<{ applied: boolean; scope: Scope }> {
  const done = lastToggle.then(() => toggleNow(origin, name));
  lastToggle = done.catch(() => undefined);
  return done;
}

async function toggleNow(origin: string | undefined, name: PresetName): Promise<{ applied: boolean; scope: Scope }> {
  const { global, site } = await loadPreferences(origin);
  const scope = scopeOf(site);
  const target = scope === 'site' ? origin : undefined;
  const records = await readRecords(target);
  const before = records[name];
  if (before && isPresetActive(name, records, resolvePreferences(global, site))) {
    const { [name]: _undone, ...rest } = records;
    await changeStoredFields(target, undoPreset(before));
    await writeRecords(target, rest);
    return { applied: false, scope };
  }
  const applied = applyPreset(await readStoredFields(target), name);
  // The undo record first: if the preferences then fail to save, the record alone changes nothing.
  await writeRecords(target, { ...records, [name]: applied.before });
  await changeStoredFields(target, applied.change);
  return { applied: true, scope };
}

/** Calls back when undo records change (a preset applied or undone in another popup or tab). */
export function watchPresetRecords(onChange: () => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(UNDO_KEY_PREFIX))) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
