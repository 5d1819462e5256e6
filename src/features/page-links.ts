/** Every link underlined and outlined. */
import { defineFeature, type FeaturePresets, switchField, type ValuesOf } from '../shared/features/feature';

export const feature = defineFeature({
  order: 40,
  fields: { pageLinks: switchField() },
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

export function css({ pageLinks }: Values): string {
  return pageLinks
    ? 'a:is(:link,:visited){text-decoration:underline!important;text-decoration-thickness:0.12em!important;text-underline-offset:0.15em!important;outline:1px solid currentColor!important;outline-offset:1px!important}'
    : '';
}
