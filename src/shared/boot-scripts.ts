/**
 * Boot files: one tiny script per preference value that must be known at
 * document_start (storage reads are asynchronous, and a small page can paint
 * before they return). Generated at build time (see vite.config.ts); the
 * registered content script for a site lists the files for its values ahead
 * of the content script itself, which reads them from `__easyReadBoot`.
 */
import type { FeatureValues } from './features/feature';
import { FEATURE_FIELDS } from './features/registry';
import { DEFAULT_GLOBAL_PREFERENCES, type GlobalPreferences } from './preferences/schema';
import { TEXT_SCALE_STEPS } from './text-scale-steps';

/** The text size, and every field of the features that ask for it (see Feature.noBoot). */
export const BOOT_VALUES = {
  textScale: TEXT_SCALE_STEPS,
  ...Object.fromEntries(FEATURE_FIELDS.filter(({ feature }) => !feature.noBoot).map(({ name, field }) => [name, field.choices])),
} as { textScale: typeof TEXT_SCALE_STEPS } & Partial<Record<keyof FeatureValues, readonly (string | boolean)[]>>;

export type BootField = keyof typeof BOOT_VALUES;
export type BootPreferences = Partial<Pick<GlobalPreferences, BootField>>;

export function bootScriptPath(field: BootField, value: string | number | boolean): string {
  return `boot/${field}-${String(value)}.js`;
}

export function bootScriptSource(field: BootField, value: string | number | boolean): string {
  return `(globalThis.__easyReadBoot??={})[${JSON.stringify(field)}]=${JSON.stringify(value)};\n`;
}

/** Every boot file the build emits: one per non-default value. */
export function allBootScripts(): { field: BootField; value: string | number | boolean }[] {
  const scripts: { field: BootField; value: string | number | boolean }[] = [];
  for (const [field, values] of Object.entries(BOOT_VALUES) as [BootField, readonly (string | number | boolean)[]][]) {
    for (const value of values) if (value !== DEFAULT_GLOBAL_PREFERENCES[field]) scripts.push({ field, value });
  }
  return scripts;
}

/** The boot files for these preferences: none for values that are the defaults. */
export function bootScriptsFor(preferences: Pick<GlobalPreferences, BootField>): string[] {
  return (Object.keys(BOOT_VALUES) as BootField[])
    .filter((field) => preferences[field] !== DEFAULT_GLOBAL_PREFERENCES[field])
    .map((field) => bootScriptPath(field, preferences[field]));
}
