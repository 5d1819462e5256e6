/**
 * Ordered, one-way steps from each stored version to the next. Each step gets
 * the raw object of version `to - 1` and returns version `to`; fields it does
 * not know about pass through. Never remove a step: old data can arrive late
 * (sync from a machine that was off for a year).
 */
type RawPreferences = Record<string, unknown>;

export const PREFERENCES_VERSION = 1;

/** The version a stored object says it has; unversioned or nonsense is 0, the oldest. */
export function readVersion(raw: RawPreferences): number {
  const version = raw.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

interface Migration {
  to: number;
  why: string;
  migrate(raw: RawPreferences): RawPreferences;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    to: 1,
    why: 'Unversioned (v0) data kept the text size as a ratio (1.5) under `fontScale`; v1 keeps percent steps under `textScale`.',
    migrate(raw) {
      const { fontScale, ...rest } = raw;
      if (rest.textScale === undefined && typeof fontScale === 'number') {
        return { ...rest, textScale: fontScale * 100, version: 1 };
      }
      if (typeof rest.textScale === 'number' && rest.textScale > 0 && rest.textScale <= 5) {
        return { ...rest, textScale: rest.textScale * 100, version: 1 };
      }
      return { ...rest, version: 1 };
    },
  },
];

export function migrateToCurrent(raw: RawPreferences, fromVersion: number, currentVersion: number): RawPreferences {
  let result = raw;
  for (const migration of MIGRATIONS) {
    if (migration.to > fromVersion && migration.to <= currentVersion) result = migration.migrate(result);
  }
  return result;
}
