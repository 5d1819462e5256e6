/** Text spacing on the live page: WCAG 1.4.12 values, or more. Icon glyphs keep theirs. */
import { choiceField, defineFeature, type FeaturePresets, type ValuesOf } from '../shared/features/feature';
import { ICONS } from '../shared/features/page-selectors';

export const PAGE_SPACINGS = ['off', 'wcag', 'wide'] as const;

export const feature = defineFeature({
  order: 30,
  fields: { pageSpacing: choiceField(PAGE_SPACINGS, 'off') },
});

type Values = ValuesOf<typeof feature.fields>;

/** The presets this feature joins (shared/presets.ts), apart from `feature` so the always-on script never carries them; every feature module has it. */
export const presets: FeaturePresets<Values> = { 'easier-to-read': { pageSpacing: 'wcag' } };

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

const SPACINGS: Record<Exclude<Values['pageSpacing'], 'off'>, { line: number; letter: number; word: number; paragraph: number }> = {
  // WCAG 2.2 success criterion 1.4.12 Text Spacing.
  wcag: { line: 1.5, letter: 0.12, word: 0.16, paragraph: 2 },
  wide: { line: 1.8, letter: 0.16, word: 0.24, paragraph: 2.5 },
};

export function css({ pageSpacing }: Values): string {
  if (pageSpacing === 'off') return '';
  const spacing = SPACINGS[pageSpacing];
  return [
    `body :not(code,pre,kbd,samp,svg|*,math|*){line-height:${spacing.line}!important;letter-spacing:${spacing.letter}em!important;word-spacing:${spacing.word}em!important}`,
    // Spacing is inherited: icon glyphs must not get it, or ligature icons ("home" drawn as a house) fall apart into letters.
    `:is(${ICONS}),:is(${ICONS})::before,:is(${ICONS})::after{letter-spacing:normal!important;word-spacing:normal!important}`,
    `body p{margin-block-end:${spacing.paragraph}em!important}`,
  ].join('\n');
}
