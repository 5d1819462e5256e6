/**
 * Furigana: readings over kanji on the live page (and in reading mode), from
 * a level on (every kanji, a school grade up, or outside 常用漢字). Its code
 * is the `furigana` page tool, in every frame; readings come from the
 * analyzer in the background, so nothing can be shown before the first paint.
 */
import { choiceField, defineFeature, type FeaturePresets, type ValuesOf } from '../shared/features/feature';
import { FURIGANA_LEVELS } from '../shared/furigana/levels';

export const feature = defineFeature({
  order: 95,
  fields: { pageFurigana: choiceField(FURIGANA_LEVELS, 'off') },
  tool: 'furigana',
  noBoot: true,
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}
