/** A large focus ring that shows on any background. */
import { defineFeature, type FeaturePresets, switchField, type ValuesOf } from '../shared/features/feature';

export const feature = defineFeature({
  // After the colours and the links: in the same layer, the later rule wins.
  order: 50,
  fields: { pageFocus: switchField() },
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

export function css({ pageFocus }: Values): string {
  // Two rings, light and dark, so the indicator shows on any background; `:root` outranks the link outline.
  return pageFocus
    ? ':root :focus-visible{outline:4px solid #ff8c00!important;outline-offset:2px!important;box-shadow:0 0 0 7px #000000!important}'
    : '';
}
