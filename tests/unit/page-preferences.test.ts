/**
 * The always-on script checks the page's fields without the schema library
 * (page-preferences.ts); it must give exactly the answers the full repair
 * (schema.ts) gives, field by field, for good, bad and old stored values.
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_FIELDS } from '../../src/shared/features/registry';
import { pageDefaults, pageFields } from '../../src/shared/preferences/page-fields';
import { repairGlobalPreferences, repairSitePreferences } from '../../src/shared/preferences/schema';

const PAGE_FIELDS = ['textScale', ...FEATURE_FIELDS.map(({ name }) => name)];

const pick = (value: object) =>
  Object.fromEntries(PAGE_FIELDS.filter((name) => name in value).map((name) => [name, (value as Record<string, unknown>)[name]]));

/** Values any stored field might hold: each field's own choices, other fields' choices, and junk. */
const CANDIDATES: unknown[] = [
  ...new Set(FEATURE_FIELDS.flatMap(({ field }) => field.choices as readonly unknown[])),
  150,
  1.5,
  0,
  -3,
  1e9,
  Number.NaN,
  '150',
  null,
  [],
  {},
  'wrong',
  undefined,
];

describe('page preferences without the schema library', () => {
  it.each(PAGE_FIELDS)('%s: every candidate value is kept, snapped or dropped exactly as the full repair does', (name) => {
    for (const value of CANDIDATES) {
      const stored = { version: 1, [name]: value };
      expect(pageFields(stored), `${name} = ${String(value)}`).toEqual(pick(repairSitePreferences(stored).value));
      expect({ ...pageDefaults(), ...pageFields(stored) }, `${name} = ${String(value)}`).toEqual(
        pick(repairGlobalPreferences(stored).value),
      );
    }
  });

  it('reads old unversioned data as the full repair does (a text size kept as a ratio)', () => {
    for (const stored of [{ fontScale: 1.5 }, { textScale: 2 }, { textScale: 175 }, { version: 'x', textScale: 1.25 }]) {
      expect(pageFields(stored), JSON.stringify(stored)).toEqual(pick(repairSitePreferences(stored).value));
    }
  });

  it('ignores what is not an object', () => {
    for (const stored of [undefined, null, 'preferences', 42, [1, 2]]) expect(pageFields(stored)).toEqual({});
  });
});
