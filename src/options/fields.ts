/**
 * Pure: every preference field the options page shows, in display order, with
 * the label and value wording the popup and the reader already use, so a
 * setting reads the same everywhere. Takes a translator instead of importing
 * i18n, so unit tests can run it with the real message files.
 */
import {
  LETTER_SPACINGS,
  LINE_HEIGHTS,
  READER_FONTS,
  READER_THEMES,
  READER_WIDTHS,
  SPEECH_RATES,
  WORD_SPACINGS,
} from '../reader/page/reader-style';
import { furiganaLevelLabel } from '../shared/furigana/level-labels';
import { FURIGANA_LEVELS } from '../shared/furigana/levels';
import { optionLabelKey } from '../shared/option-label-key';
import {
  DEFAULT_GLOBAL_PREFERENCES,
  type GlobalPreferences,
  PAGE_COLOURS,
  PAGE_FONTS,
  PAGE_SPACINGS,
  type SitePreferences,
} from '../shared/preferences/schema';
import { TEXT_SCALE_STEPS } from '../shared/text-scale-steps';

export type Translate = (key: string, substitutions?: string | string[]) => string;

export type FieldName = keyof Omit<GlobalPreferences, 'version'>;
export type FieldValues = Omit<GlobalPreferences, 'version'>;

/** Message keys of each field's label: the ones the popup and the reader show. */
export const FIELD_LABEL_KEYS: Record<FieldName, string> = {
  textScale: 'textSizeHeading',
  readerFont: 'readerFont',
  readerTheme: 'readerTheme',
  readerWidth: 'readerWidth',
  readerAlign: 'readerAlign',
  readerLineHeight: 'readerLineHeight',
  readerLetterSpacing: 'readerLetterSpacing',
  readerWordSpacing: 'readerWordSpacing',
  readerImages: 'readerImages',
  readerVertical: 'readerVertical',
  speechRate: 'readerRate',
  speechVoice: 'readerVoice',
  pageColours: 'pageColours',
  pageFont: 'pageFont',
  pageSpacing: 'pageSpacing',
  pageLinks: 'pageLinks',
  pageFocus: 'pageFocus',
  pageLineFocus: 'pageLineFocus',
  pageFurigana: 'pageFurigana',
};

/** Display order: the order of FIELD_LABEL_KEYS, which the type above forces to list every field. */
export const FIELD_NAMES = Object.keys(FIELD_LABEL_KEYS) as FieldName[];

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELD_LABEL_KEYS, name);
}

/** The JSON type every field has (from its default), for the import's type checks. */
export function expectedType(field: FieldName): 'number' | 'string' | 'boolean' {
  return typeof DEFAULT_GLOBAL_PREFERENCES[field] as 'number' | 'string' | 'boolean';
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** Choice lists for the selects, as [value, label]; the same ladders the reader offers. */
export function fieldChoices(field: FieldName, t: Translate): (readonly [string, string])[] {
  const em = (value: number) => (value === 0 ? t('spacingStandard') : `${value} em`);
  switch (field) {
    case 'textScale':
      return TEXT_SCALE_STEPS.map((step) => [String(step), `${step}%`] as const);
    case 'readerFont':
      return READER_FONTS.map((value) => [value, t(optionLabelKey('font', value))] as const);
    case 'readerTheme':
      return READER_THEMES.map((value) => [value, t(optionLabelKey('theme', value))] as const);
    case 'readerWidth':
      return READER_WIDTHS.map((value) => [value, t(optionLabelKey('width', value))] as const);
    case 'readerAlign':
      return (['start', 'justify'] as const).map((value) => [value, t(optionLabelKey('align', value))] as const);
    case 'readerLineHeight':
      return LINE_HEIGHTS.map((value) => [String(value), String(value)] as const);
    case 'readerLetterSpacing':
      return LETTER_SPACINGS.map((value) => [String(value), em(value)] as const);
    case 'readerWordSpacing':
      return WORD_SPACINGS.map((value) => [String(value), em(value)] as const);
    case 'speechRate':
      return SPEECH_RATES.map((value) => [String(value), percent(value)] as const);
    case 'pageColours':
      return PAGE_COLOURS.map((value) => [value, t(optionLabelKey('pageColours', value))] as const);
    case 'pageFont':
      return PAGE_FONTS.map((value) => [value, t(optionLabelKey('pageFont', value))] as const);
    case 'pageSpacing':
      return PAGE_SPACINGS.map((value) => [value, t(optionLabelKey('pageSpacing', value))] as const);
    case 'pageFurigana':
      return FURIGANA_LEVELS.map((value) => [value, furiganaLevelLabel(value, t)] as const);
    case 'readerImages':
    case 'readerVertical':
    case 'speechVoice':
    case 'pageLinks':
    case 'pageFocus':
    case 'pageLineFocus':
      return [];
  }
}

/** A field's value in words: "150%", "Dark", "on", "Automatic (best for the language)". */
export function formatValue(field: FieldName, value: FieldValues[FieldName], t: Translate): string {
  if (typeof value === 'boolean') return t(value ? 'optionsOn' : 'optionsOff');
  if (field === 'speechVoice') return value === '' ? t('voiceAuto') : String(value);
  const choice = fieldChoices(field, t).find(([option]) => option === String(value));
  if (choice) return choice[1];
  if (field === 'textScale') return `${value}%`;
  if (field === 'speechRate') return percent(value as number);
  if (field === 'readerLetterSpacing' || field === 'readerWordSpacing') return `${value} em`;
  return String(value);
}

const MEASURED: ReadonlySet<FieldName> = new Set([
  'textScale',
  'readerLineHeight',
  'readerLetterSpacing',
  'readerWordSpacing',
  'speechRate',
]);

/** One setting in plain words: "Text size 150%", "Colours: Dark". */
export function describeSetting(field: FieldName, value: FieldValues[FieldName], t: Translate): string {
  const key = MEASURED.has(field) ? 'optionsSettingMeasure' : 'optionsSettingChoice';
  return t(key, [t(FIELD_LABEL_KEYS[field]), formatValue(field, value, t)]);
}

/** What a site changes, field by field, in display order. */
export function describeOverrides(site: SitePreferences, t: Translate): string[] {
  const descriptions: string[] = [];
  for (const field of FIELD_NAMES) {
    const value = site[field];
    if (value !== undefined) descriptions.push(describeSetting(field, value, t));
  }
  return descriptions;
}
