/**
 * Pure mapping from preferences to how the reader looks: the choices each
 * control offers, and the data attributes / CSS custom properties that
 * reader.css turns into styles.
 */
import type { EffectivePreferences } from '../../shared/preferences/resolve';
import type { READER_WIDTHS } from '../../shared/preferences/schema';

export const WIDTH_MEASURES: Record<(typeof READER_WIDTHS)[number], string> = {
  narrow: '32em',
  medium: '40em',
  wide: '52em',
  full: 'none',
};

/**
 * Spacing presets set three fields at once. "wcag" is the WCAG 1.4.12 text
 * spacing (line height 1.5, letter 0.12em, word 0.16em); "japanese" suits
 * Japanese text (more leading, a little tracking, no word spacing).
 */
export const SPACING_PRESETS = {
  compact: { readerLineHeight: 1.4, readerLetterSpacing: 0, readerWordSpacing: 0 },
  standard: { readerLineHeight: 1.6, readerLetterSpacing: 0, readerWordSpacing: 0 },
  relaxed: { readerLineHeight: 2, readerLetterSpacing: 0.02, readerWordSpacing: 0.08 },
  wcag: { readerLineHeight: 1.5, readerLetterSpacing: 0.12, readerWordSpacing: 0.16 },
  japanese: { readerLineHeight: 1.9, readerLetterSpacing: 0.05, readerWordSpacing: 0 },
} as const;

export type SpacingPreset = keyof typeof SPACING_PRESETS;

export function matchingSpacingPreset(preferences: EffectivePreferences): SpacingPreset | 'custom' {
  for (const [name, preset] of Object.entries(SPACING_PRESETS) as [SpacingPreset, (typeof SPACING_PRESETS)[SpacingPreset]][]) {
    if (
      preset.readerLineHeight === preferences.readerLineHeight &&
      preset.readerLetterSpacing === preferences.readerLetterSpacing &&
      preset.readerWordSpacing === preferences.readerWordSpacing
    ) {
      return name;
    }
  }
  return 'custom';
}

export interface ReaderLook {
  dataset: { theme: string; font: string; align: string; images: string; vertical: string };
  properties: Record<string, string>;
}

export function readerLook(preferences: EffectivePreferences, lang: string): ReaderLook {
  const japanese = lang.toLowerCase().startsWith('ja');
  return {
    dataset: {
      theme: preferences.readerTheme,
      font: preferences.readerFont,
      align: preferences.readerAlign,
      images: String(preferences.readerImages),
      // Vertical writing is for Japanese text only; other scripts would turn sideways.
      vertical: String(japanese && preferences.readerVertical),
    },
    properties: {
      '--scale': String(preferences.textScale / 100),
      '--line-height': String(preferences.readerLineHeight),
      '--letter-spacing': `${preferences.readerLetterSpacing}em`,
      '--word-spacing': `${preferences.readerWordSpacing}em`,
      '--measure': WIDTH_MEASURES[preferences.readerWidth],
    },
  };
}
