/**
 * The reading ruler: a band that follows the pointer or the keyboard and dims
 * the rest of the page. Its code is the `line-focus` page tool (top frame only).
 */
import { defineFeature, type FeaturePresets, switchField, type ValuesOf } from '../shared/features/feature';

export const feature = defineFeature({
  order: 60,
  fields: { pageLineFocus: switchField({ popupLabel: 'popupLineFocus' }) },
  firstView: true,
  tool: 'line-focus',
  topOnly: true,
  // The ruler follows the pointer: nothing to show before the first paint.
  noBoot: true,
});

type Values = ValuesOf<typeof feature.fields>;

/** The presets this feature joins (shared/presets.ts), apart from `feature` so the always-on script never carries them; every feature module has it. */
export const presets: FeaturePresets<Values> = { 'easier-to-read': { pageLineFocus: true } };

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}
