import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from '../../src/shared/preferences/migrations';
import { resolvePreferences, scopeOf } from '../../src/shared/preferences/resolve';
import {
  DEFAULT_GLOBAL_PREFERENCES,
  mergeForWrite,
  PREFERENCES_VERSION,
  repairGlobalPreferences,
  repairSitePreferences,
} from '../../src/shared/preferences/schema';

describe('global preferences repair', () => {
  it('gives defaults, silently, when nothing is stored yet', () => {
    expect(repairGlobalPreferences(undefined)).toEqual({ value: DEFAULT_GLOBAL_PREFERENCES, problems: [] });
  });

  it('keeps valid data as it is', () => {
    const stored = { version: 1, textScale: 175, readerTheme: 'sepia', readerLineHeight: 2.2, readerImages: false, speechVoice: 'Kyoko' };
    const repaired = repairGlobalPreferences(stored);
    expect(repaired.value).toEqual({ ...DEFAULT_GLOBAL_PREFERENCES, ...stored });
    expect(repaired.problems).toEqual([]);
  });

  it('replaces only the broken field and says why', () => {
    const repaired = repairGlobalPreferences({ version: 1, textScale: 'huge' });
    expect(repaired.value.textScale).toBe(100);
    expect(repaired.problems).toHaveLength(1);
    expect(repaired.problems[0]).toContain('textScale was "huge"');
  });

  it('repairs each reader field on its own', () => {
    const repaired = repairGlobalPreferences({
      version: 1,
      readerTheme: 'neon',
      readerLineHeight: 9,
      readerImages: 'yes',
      readerFont: 'atkinson',
    });
    expect(repaired.value).toMatchObject({ readerTheme: 'light', readerLineHeight: 1.6, readerImages: true, readerFont: 'atkinson' });
    expect(repaired.problems).toHaveLength(3);
  });

  it('keeps the intent of an off-ladder size by snapping it', () => {
    expect(repairGlobalPreferences({ version: 1, textScale: 160 }).value.textScale).toBe(150);
  });

  it('treats NaN, Infinity and negative sizes as broken', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -150, 0, null, [150], { v: 1 }]) {
      expect(repairGlobalPreferences({ version: 1, textScale: bad }).value.textScale).toBe(100);
    }
  });

  it('survives a stored value that is not an object at all', () => {
    for (const bad of ['{"textScale":', 42, null, [1, 2], true]) {
      const repaired = repairGlobalPreferences(bad);
      expect(repaired.value).toEqual(DEFAULT_GLOBAL_PREFERENCES);
      expect(repaired.problems).toHaveLength(1);
    }
  });

  it('fills fields missing from partial data with defaults', () => {
    expect(repairGlobalPreferences({ version: 1 }).value).toEqual(DEFAULT_GLOBAL_PREFERENCES);
    expect(repairGlobalPreferences({ version: 1, readerTheme: 'dark' }).value).toEqual({
      ...DEFAULT_GLOBAL_PREFERENCES,
      readerTheme: 'dark',
    });
  });

  it('reads data from a newer version without downgrading its version number', () => {
    const repaired = repairGlobalPreferences({ version: PREFERENCES_VERSION + 3, textScale: 200, futureField: { a: 1 } });
    expect(repaired.value.textScale).toBe(200);
    expect(repaired.value.version).toBe(PREFERENCES_VERSION + 3);
  });
});

describe('writes never lose data', () => {
  it('carries unknown fields (from a newer version) through a write', () => {
    const stored = { version: 9, textScale: 200, futureField: 'keep me' };
    const written = mergeForWrite(stored, repairGlobalPreferences(stored).value, { textScale: 250 });
    // Defaults the user never chose stay unwritten.
    expect(written).toEqual({ version: 9, textScale: 250, futureField: 'keep me' });
  });

  it('writes repaired values over broken ones, keeping the rest', () => {
    const stored = { version: 1, textScale: 'huge', note: 'x' };
    expect(mergeForWrite(stored, repairGlobalPreferences(stored).value, {})).toEqual({ version: 1, textScale: 100, note: 'x' });
  });
});

describe('migrations', () => {
  it('turn unversioned ratio data (v0) into percent steps', () => {
    expect(repairGlobalPreferences({ fontScale: 1.5 }).value).toEqual({ ...DEFAULT_GLOBAL_PREFERENCES, version: 1, textScale: 150 });
    expect(repairGlobalPreferences({ textScale: 1.25 }).value).toMatchObject({ version: 1, textScale: 125 });
  });

  it('leave already-current data alone', () => {
    const raw = { version: 1, textScale: 2 };
    expect(migrateToCurrent(raw, 1, 1)).toBe(raw);
  });

  it('keep fields they do not know', () => {
    expect(migrateToCurrent({ fontScale: 2, other: true }, 0, 1)).toEqual({ textScale: 200, other: true, version: 1 });
  });
});

describe('site preferences', () => {
  it('keep only the fields that are set and valid', () => {
    expect(repairSitePreferences({ textScale: 200 }).value).toEqual({ textScale: 200 });
    expect(repairSitePreferences({}).value).toEqual({});
    const broken = repairSitePreferences({ textScale: 'big' });
    expect(broken.value).toEqual({});
    expect(broken.problems[0]).toContain('dropped');
  });

  it('win over the global settings field by field', () => {
    const global = { ...DEFAULT_GLOBAL_PREFERENCES, textScale: 125 as const };
    expect(resolvePreferences(global, undefined).textScale).toBe(125);
    expect(resolvePreferences(global, {}).textScale).toBe(125);
    expect(resolvePreferences(global, { textScale: 200 }).textScale).toBe(200);
  });

  it('decide where a change goes: the site once it has its own settings', () => {
    expect(scopeOf(undefined)).toBe('global');
    expect(scopeOf({})).toBe('site');
  });
});
