/**
 * The one list of live-page features: every module in src/features/ that
 * exports a `feature`, found by the build (import.meta.glob), so adding a
 * feature is adding its file. Only the `feature` export is imported here (the
 * descriptions, no CSS or behaviour), which keeps the always-on content
 * script small. Everything that must know the features is derived from this
 * list: preference fields and repair, boot files, "as the site made it",
 * popup rows, options fields, presets, and whether the adjustments' code loads.
 */
import type * as v from 'valibot';
import type { Feature, FeatureField, FeatureValues } from './feature';

const modules = /* @__PURE__ */ import.meta.glob<Feature>('../../features/*.ts', { eager: true, import: 'feature' });

/** Registered features in display order. */
export const FEATURES: readonly Feature[] = Object.values(modules).sort((a, b) => a.order - b.order);

export type FeatureFieldName = keyof FeatureValues;

export interface RegisteredField {
  name: FeatureFieldName;
  field: FeatureField;
  feature: Feature;
}

/** Every feature's fields, in display order. */
export const FEATURE_FIELDS: readonly RegisteredField[] = FEATURES.flatMap((feature) =>
  Object.entries(feature.fields).map(([name, field]) => ({ name: name as FeatureFieldName, field, feature })),
);

export function featureSchemas(): Record<FeatureFieldName, v.GenericSchema> {
  return Object.fromEntries(FEATURE_FIELDS.map(({ name, field }) => [name, field.schema])) as Record<FeatureFieldName, v.GenericSchema>;
}

/** Every feature off: what "Reset everything for this site" and the defaults mean. */
export function featureDefaults(): FeatureValues {
  return Object.fromEntries(FEATURE_FIELDS.map(({ name, field }) => [name, field.default])) as unknown as FeatureValues;
}

/** What the `adjustments` page tool is given: the effective preferences (it reads the features' fields). */
export type PageAdjustments = FeatureValues;

/**
 * Whether a feature is on: its first field is not at its default. The other
 * fields only refine it (a tint's strength), so alone they load nothing.
 */
export function isFeatureOn(feature: Feature, values: FeatureValues): boolean {
  const [name, field] = Object.entries(feature.fields)[0];
  return values[name as FeatureFieldName] !== field.default;
}

/** Whether any adjustment is on, i.e. the adjustments' code must be in the page. */
export function hasAdjustments(adjustments: PageAdjustments): boolean {
  return FEATURES.some((feature) => !feature.tool && isFeatureOn(feature, adjustments));
}
