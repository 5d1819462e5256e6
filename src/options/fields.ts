/**
 * Pure: every preference field the options page shows, in display order, with
 * the label and value wording the popup and the reader already use, so a
 * setting reads the same everywhere. Takes a translator instead of importing
 * i18n, so unit tests can run it with the real message files.
 */
import { FEATURE_FIELDS, type FeatureFieldName } from '../shared/features/registry';
import type { MessageKey } from '../shared/i18n';
import { optionLabelKey } from '../shared/option-label-key';
import { LETTER_SPACINGS, LINE_HEIGHTS, SPEECH_RATES, WORD_SPACINGS } from '../shared/preferences/choices';
import {
  DEFAULT_GLOBAL_PREFERENCES,
  type GlobalPreferences,
  READER_ALIGNS,
  READER_FONTS,
  READER_THEMES,
  READER_WIDTHS,
  type SitePreferences,
} from '../shared/preferences/schema';
import { TEXT_SCALE_STEPS } from '../shared/text-scale-steps';

export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export type FieldName = keyof Omit<GlobalPreferences, 'version'>;
export type FieldValues = Omit<GlobalPreferences, 'version'>;

/** Message keys of each field's label: the ones the popup and the reader show; a feature's field is its own key. */
const CORE_LABEL_KEYS: Record<Exclude<FieldName, FeatureFieldName>, MessageKey> = {
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
};

export const FIELD_LABEL_KEYS: Record<FieldName, MessageKey> = {
  ...CORE_LABEL_KEYS,
  ...(Object.fromEntries(FEATURE_FIELDS.map(({ name }) => [name, name])) as Record<FeatureFieldName, MessageKey>),
};

/** Display order: the reader's and speech fields, then the features in registry order. */
export const FIELD_NAMES = Object.keys(FIELD_LABEL_KEYS) as FieldName[];

function isCoreField(field: FieldName): field is Exclude<FieldName, FeatureFieldName> {
  return Object.hasOwn(CORE_LABEL_KEYS, field);
}

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
  if (!isCoreField(field)) {
    const choices = FEATURE_FIELDS.find(({ name }) => name === field)?.field.choices ?? [];
    return choices.flatMap((value) => (typeof value === 'string' ? [[value, t(optionLabelKey(field, value))] as const] : []));
  }
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
      return READER_ALIGNS.map((value) => [value, t(optionLabelKey('align', value))] as const);
    case 'readerLineHeight':
      return LINE_HEIGHTS.map((value) => [String(value), String(value)] as const);
    case 'readerLetterSpacing':
      return LETTER_SPACINGS.map((value) => [String(value), em(value)] as const);
    case 'readerWordSpacing':
      return WORD_SPACINGS.map((value) => [String(value), em(value)] as const);
    case 'speechRate':
      return SPEECH_RATES.map((value) => [String(value), percent(value)] as const);
    case 'readerImages':
    case 'readerVertical':
    case 'speechVoice':
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
