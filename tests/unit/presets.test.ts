import { describe, expect, it } from 'vitest';
import { resolvePreferences } from '../../src/shared/preferences/resolve';
import { DEFAULT_GLOBAL_PREFERENCES, type SitePreferences } from '../../src/shared/preferences/schema';
import { applyPreset, isPresetActive, PRESET_NAMES, PRESETS, repairPresetUndoRecords, undoPreset } from '../../src/shared/presets';

/** What storage would hold after a change: the patch written, removed fields taken out (as changeStoredFields does). */
function written(stored: SitePreferences | undefined, change: ReturnType<typeof undoPreset>): SitePreferences | undefined {
  const next: Record<string, unknown> = { ...stored, ...change.patch };
  for (const field of change.remove) delete next[field];
  return change.dropIfEmpty && Object.keys(next).length === 0 ? undefined : next;
}

describe('presets', () => {
  it('are the three of issue 11, with valid preference values and no field shared between two', () => {
    expect(PRESET_NAMES).toEqual(['larger-text', 'high-contrast', 'easier-to-read']);
    expect(PRESETS['easier-to-read']).toEqual({ pageFont: 'atkinson', pageSpacing: 'wcag', pageLineFocus: true });
    const fields = PRESET_NAMES.flatMap((name) => Object.keys(PRESETS[name]));
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('apply writes the preset and keeps each field as it was stored, null where nothing was', () => {
    const stored: SitePreferences = { textScale: 125, pageFont: 'ud', pageLinks: true };
    const { change, before } = applyPreset(stored, 'easier-to-read');
    expect(change).toEqual({ patch: PRESETS['easier-to-read'], remove: [], dropIfEmpty: false });
    expect(before).toEqual({ fields: { pageFont: 'ud', pageSpacing: null, pageLineFocus: null }, created: false });
  });

  it('undo restores the stored fields exactly, nothing else lost', () => {
    const stored: SitePreferences = { textScale: 125, pageFont: 'ud', pageLinks: true };
    const { change, before } = applyPreset(stored, 'easier-to-read');
    // The user changes something the preset does not touch in between: it stays.
    const after = { ...written(stored, change), pageFocus: true };
    expect(written(after, undoPreset(before))).toEqual({ ...stored, pageFocus: true });
  });

  it('undo of a preset applied where nothing was stored leaves nothing stored', () => {
    const { change, before } = applyPreset(undefined, 'larger-text');
    expect(before.created).toBe(true);
    expect(written(written(undefined, change), undoPreset(before))).toBeUndefined();
  });

  it('is active only when applied here and all its values still hold', () => {
    const { before } = applyPreset({}, 'high-contrast');
    const effective = resolvePreferences(DEFAULT_GLOBAL_PREFERENCES, { pageColours: 'yellow-on-black' });
    expect(isPresetActive('high-contrast', { 'high-contrast': before }, effective)).toBe(true);
    expect(isPresetActive('high-contrast', {}, effective)).toBe(false);
    const changed = resolvePreferences(DEFAULT_GLOBAL_PREFERENCES, { pageColours: 'blue' });
    expect(isPresetActive('high-contrast', { 'high-contrast': before }, changed)).toBe(false);
  });

  it('repairs undo records read back from storage, record by record', () => {
    const good = { fields: { textScale: 125 }, created: false };
    expect(
      repairPresetUndoRecords({
        'larger-text': good,
        'high-contrast': { fields: { pageColours: 'purple' }, created: false },
        'easier-to-read': { fields: { pageFont: null }, created: false },
        calm: good,
      }),
    ).toEqual({ 'larger-text': good });
    expect(repairPresetUndoRecords('nonsense')).toEqual({});
    expect(repairPresetUndoRecords(undefined)).toEqual({});
    expect(repairPresetUndoRecords({ 'larger-text': { fields: { textScale: null }, created: true } })).toEqual({
      'larger-text': { fields: { textScale: null }, created: true },
    });
  });
});
