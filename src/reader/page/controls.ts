/**
 * The reader's toolbar: every control shows the current preference and writes
 * changes through the shared preferences module (into this site's settings
 * when it has its own, else for all sites). The page re-renders from
 * storage.onChanged, so the popup and other tabs stay in step.
 */
import { FURIGANA_LEVELS, type FuriganaLevel } from '../../shared/furigana/levels';
import { t } from '../../shared/i18n';
import { optionLabelKey } from '../../shared/option-label-key';
import { setPreferences } from '../../shared/preferences/actions';
import { LETTER_SPACINGS, LINE_HEIGHTS, SPEECH_RATES, WORD_SPACINGS } from '../../shared/preferences/choices';
import type { EffectivePreferences } from '../../shared/preferences/resolve';
import { READER_ALIGNS, READER_FONTS, READER_THEMES, READER_WIDTHS, type SitePreferences } from '../../shared/preferences/schema';
import { largerTextScale, smallerTextScale } from '../../shared/text-scale-steps';
import { $ } from '../../shared/ui/dom';
import { matchingSpacingPreset, SPACING_PRESETS, type SpacingPreset } from './reader-style';

function fillSelect(select: HTMLSelectElement, options: readonly (readonly [string, string])[]): void {
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
}

const percent = (value: number) => `${Math.round(value * 100)}%`;
const em = (value: number) => (value === 0 ? t('spacingStandard') : `${value} em`);

export interface ReaderControls {
  show(preferences: EffectivePreferences): void;
}

export function setUpControls(origin: string, lang: string, getPreferences: () => EffectivePreferences): ReaderControls {
  const save = (patch: SitePreferences) => void setPreferences(origin, patch);
  const theme = $<HTMLSelectElement>('theme');
  const font = $<HTMLSelectElement>('font');
  const spacing = $<HTMLSelectElement>('spacing-preset');
  const lineHeight = $<HTMLSelectElement>('line-height');
  const letterSpacing = $<HTMLSelectElement>('letter-spacing');
  const wordSpacing = $<HTMLSelectElement>('word-spacing');
  const width = $<HTMLSelectElement>('width');
  const align = $<HTMLSelectElement>('align');
  const rate = $<HTMLSelectElement>('rate');
  const images = $<HTMLInputElement>('images');
  const vertical = $<HTMLInputElement>('vertical');
  const furigana = $<HTMLSelectElement>('furigana');

  fillSelect(
    theme,
    READER_THEMES.map((value) => [value, t(optionLabelKey('theme', value))] as const),
  );
  fillSelect(
    font,
    READER_FONTS.map((value) => [value, t(optionLabelKey('font', value))] as const),
  );
  fillSelect(
    spacing,
    [...(Object.keys(SPACING_PRESETS) as SpacingPreset[]), 'custom'].map((value) => [value, t(optionLabelKey('spacing', value))] as const),
  );
  fillSelect(
    lineHeight,
    LINE_HEIGHTS.map((value) => [String(value), String(value)] as const),
  );
  fillSelect(
    letterSpacing,
    LETTER_SPACINGS.map((value) => [String(value), em(value)] as const),
  );
  fillSelect(
    wordSpacing,
    WORD_SPACINGS.map((value) => [String(value), em(value)] as const),
  );
  fillSelect(
    width,
    READER_WIDTHS.map((value) => [value, t(optionLabelKey('width', value))] as const),
  );
  fillSelect(
    align,
    READER_ALIGNS.map((value) => [value, t(optionLabelKey('align', value))] as const),
  );
  fillSelect(
    rate,
    SPEECH_RATES.map((value) => [String(value), percent(value)] as const),
  );
  fillSelect(
    furigana,
    FURIGANA_LEVELS.map((value) => [value, t(optionLabelKey('pageFurigana', value))] as const),
  );
  spacing.querySelector('option[value="custom"]')?.setAttribute('disabled', '');
  $('vertical-option').hidden = !lang.toLowerCase().startsWith('ja');

  $('smaller').addEventListener('click', () => save({ textScale: smallerTextScale(getPreferences().textScale) }));
  $('larger').addEventListener('click', () => save({ textScale: largerTextScale(getPreferences().textScale) }));
  theme.addEventListener('change', () => save({ readerTheme: theme.value as EffectivePreferences['readerTheme'] }));
  font.addEventListener('change', () => save({ readerFont: font.value as EffectivePreferences['readerFont'] }));
  spacing.addEventListener('change', () => {
    const preset = SPACING_PRESETS[spacing.value as SpacingPreset];
    if (preset) save({ ...preset });
  });
  lineHeight.addEventListener('change', () => save({ readerLineHeight: Number(lineHeight.value) }));
  letterSpacing.addEventListener('change', () => save({ readerLetterSpacing: Number(letterSpacing.value) }));
  wordSpacing.addEventListener('change', () => save({ readerWordSpacing: Number(wordSpacing.value) }));
  width.addEventListener('change', () => save({ readerWidth: width.value as EffectivePreferences['readerWidth'] }));
  align.addEventListener('change', () => save({ readerAlign: align.value as EffectivePreferences['readerAlign'] }));
  rate.addEventListener('change', () => save({ speechRate: Number(rate.value) }));
  images.addEventListener('change', () => save({ readerImages: images.checked }));
  vertical.addEventListener('change', () => save({ readerVertical: vertical.checked }));
  furigana.addEventListener('change', () => save({ pageFurigana: furigana.value as FuriganaLevel }));

  /** Shows a value even if it is not one of the offered choices (set on another device, say). */
  const select = (element: HTMLSelectElement, value: string, label = value) => {
    if (![...element.options].some((option) => option.value === value)) element.add(new Option(label, value));
    element.value = value;
  };

  return {
    show(preferences) {
      $('size-value').textContent = `${preferences.textScale}%`;
      select(theme, preferences.readerTheme);
      select(font, preferences.readerFont);
      spacing.value = matchingSpacingPreset(preferences);
      select(lineHeight, String(preferences.readerLineHeight));
      select(letterSpacing, String(preferences.readerLetterSpacing), em(preferences.readerLetterSpacing));
      select(wordSpacing, String(preferences.readerWordSpacing), em(preferences.readerWordSpacing));
      select(width, preferences.readerWidth);
      select(align, preferences.readerAlign);
      select(rate, String(preferences.speechRate), percent(preferences.speechRate));
      images.checked = preferences.readerImages;
      vertical.checked = preferences.readerVertical;
      select(furigana, preferences.pageFurigana);
    },
  };
}
