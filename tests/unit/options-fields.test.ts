/**
 * The options page describes settings with the words the popup and the
 * reader use, and offers the same choices as the reader's controls.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOverrides, describeSetting, FIELD_NAMES, fieldChoices, formatValue, type Translate } from '../../src/options/fields';
import { LETTER_SPACINGS, LINE_HEIGHTS, SPEECH_RATES } from '../../src/shared/preferences/choices';
import { DEFAULT_GLOBAL_PREFERENCES, READER_FONTS, READER_THEMES } from '../../src/shared/preferences/schema';
import { TEXT_SCALE_STEPS } from '../../src/shared/text-scale-steps';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function translator(lang: 'en' | 'ja'): Translate {
  const messages = JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Messages;
  return (key, substitutions) => {
    // Message names are case-insensitive in browsers ('fontOpendyslexic' finds 'fontOpenDyslexic').
    const entry = messages[key] ?? Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
    if (!entry) throw new Error(`missing message ${key} (${lang})`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (entry.placeholders?.[name.toUpperCase()]?.content ?? '').replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? ''),
    );
  };
}

const en = translator('en');
const ja = translator('ja');

describe('fields', () => {
  it('covers every preference field of the schema', () => {
    const { version: _version, ...fields } = DEFAULT_GLOBAL_PREFERENCES;
    expect([...FIELD_NAMES].sort()).toEqual(Object.keys(fields).sort());
  });

  it('offers the same ladders as the popup and the reader', () => {
    expect(fieldChoices('textScale', en).map(([value]) => Number(value))).toEqual([...TEXT_SCALE_STEPS]);
    expect(fieldChoices('readerTheme', en).map(([value]) => value)).toEqual([...READER_THEMES]);
    expect(fieldChoices('readerFont', en).map(([value]) => value)).toEqual([...READER_FONTS]);
    expect(fieldChoices('readerLineHeight', en).map(([value]) => Number(value))).toEqual([...LINE_HEIGHTS]);
    expect(fieldChoices('readerLetterSpacing', en).map(([value]) => Number(value))).toEqual([...LETTER_SPACINGS]);
    expect(fieldChoices('speechRate', en).map(([value]) => Number(value))).toEqual([...SPEECH_RATES]);
  });

  it('labels every choice with an existing message, in both languages', () => {
    for (const field of FIELD_NAMES) {
      for (const t of [en, ja]) {
        for (const [, label] of fieldChoices(field, t)) expect(label, field).toBeTruthy();
      }
    }
    expect(fieldChoices('readerTheme', en).find(([value]) => value === 'gov-blue')?.[1]).toBe('Blue background');
    expect(fieldChoices('readerAlign', ja).map(([, label]) => label)).toEqual(['行頭揃え（読みやすい）', '両端揃え']);
  });
});

describe('settings in plain words', () => {
  it('describes what a site overrides, in display order', () => {
    expect(describeOverrides({ readerTheme: 'dark', textScale: 150 }, en)).toEqual(['Text size 150%', 'Colours: Dark']);
    expect(describeOverrides({ readerImages: false, speechRate: 1.2, speechVoice: '' }, en)).toEqual([
      'Show images: off',
      'Reading speed 120%',
      'Voice: Automatic (best for the language)',
    ]);
    expect(describeOverrides({}, en)).toEqual([]);
  });

  it('in Japanese', () => {
    expect(describeOverrides({ textScale: 150, readerTheme: 'gov-blue', readerVertical: true }, ja)).toEqual([
      '文字サイズ：150%',
      '配色：背景色：青',
      '縦書き：オン',
    ]);
  });

  it('shows values that are not on a ladder (set on another device) as they are', () => {
    expect(formatValue('readerLineHeight', 2.2, en)).toBe('2.2');
    expect(formatValue('readerLetterSpacing', 0.1, en)).toBe('0.1 em');
    expect(formatValue('readerLetterSpacing', 0, en)).toBe('Standard');
    expect(formatValue('speechRate', 1.1, en)).toBe('110%');
    expect(describeSetting('speechVoice', 'Kyoko', en)).toBe('Voice: Kyoko');
  });
});
