import { describe, expect, it } from 'vitest';
import { kanjiGrade, needsRuby } from '../../src/shared/furigana/furigana-level';
import { toHiragana, widenKana } from '../../src/shared/furigana/kana';
import { JOYO_KANJI, KYOIKU_KANJI_BY_GRADE } from '../../src/shared/furigana/kanji-lists';
import { type AnalyzedToken, rubySegments, splitReading } from '../../src/shared/furigana/ruby-segments';

const noun = (surface: string, reading?: string, detail = '一般', detail2 = '*'): AnalyzedToken => ({
  surface,
  reading,
  pos: ['名詞', detail, detail2],
});
const other = (surface: string, reading?: string): AnalyzedToken => ({ surface, reading, pos: ['助詞', '格助詞', '*'] });

describe('kanji lists', () => {
  it('has the 2020 教育漢字 grade sizes and the 2,136 常用漢字', () => {
    expect(KYOIKU_KANJI_BY_GRADE.map((kanji) => [...kanji].length)).toEqual([80, 160, 200, 202, 193, 191]);
    expect([...JOYO_KANJI].length).toBe(2136 + 2);
  });
  it('places kanji by grade, with the 2020 prefecture kanji in grade 4', () => {
    expect(kanjiGrade('一')).toBe(1);
    expect(kanjiGrade('岡')).toBe(4);
    expect(kanjiGrade('胃')).toBe(6);
    expect(kanjiGrade('賊')).toBe(7);
    expect(kanjiGrade('鬱')).toBe(7);
    expect(kanjiGrade('薔')).toBe(8);
  });
});

describe('levels', () => {
  it('off gives no ruby, all gives every kanji word', () => {
    expect(needsRuby('日本', 'off')).toBe(false);
    expect(needsRuby('日本', 'all')).toBe(true);
  });
  it('from grade N up: a word gets its reading when any of its kanji is of grade N or later', () => {
    expect(needsRuby('日本', 'grade-2')).toBe(false);
    expect(needsRuby('税関', 'grade-5')).toBe(true); // 税 is grade 5
    expect(needsRuby('税関', 'grade-6')).toBe(false);
    expect(needsRuby('海賊版', 'grade-6')).toBe(true); // 賊: not taught in school grades
  });
  it('outside 常用漢字 only', () => {
    expect(needsRuby('海賊版', 'non-joyo')).toBe(false);
    expect(needsRuby('薔薇', 'non-joyo')).toBe(true);
  });
  it('々 takes the grade of the kanji it repeats', () => {
    expect(needsRuby('人々', 'grade-2')).toBe(false);
    expect(needsRuby('人々', 'all')).toBe(true);
  });
});

describe('splitReading', () => {
  it('keeps okurigana outside the ruby', () => {
    expect(splitReading('取り扱い', 'トリアツカイ')).toEqual([
      { base: '取', reading: 'と' },
      'り',
      { base: '扱', reading: 'あつか' },
      'い',
    ]);
    expect(splitReading('新しい', 'アタラシイ')).toEqual([{ base: '新', reading: 'あたら' }, 'しい']);
  });
  it('keeps one reading over a run of kanji', () => {
    expect(splitReading('経済産業省', 'ケイザイサンギョウショウ')).toEqual([{ base: '経済産業省', reading: 'けいざいさんぎょうしょう' }]);
  });
  it('gives up when the kana can be aligned two ways or not at all', () => {
    expect(splitReading('日か日', 'カカカカ')).toBeUndefined();
    expect(splitReading('取り', 'トル')).toBeUndefined();
  });
});

describe('rubySegments', () => {
  it('annotates known words and merges plain text', () => {
    const tokens = [noun('税関', 'ゼイカン'), other('で', 'デ'), other('は', 'ハ')];
    expect(rubySegments(tokens, 'all')).toEqual([{ base: '税関', reading: 'ぜいかん' }, 'では']);
  });
  it('leaves words the dictionary does not know, and person names, bare', () => {
    expect(rubySegments([noun('薔薇園', undefined)], 'all')).toEqual(['薔薇園']);
    expect(rubySegments([noun('太郎', 'タロウ', '固有名詞', '人名')], 'all')).toEqual(['太郎']);
  });
  it('leaves numbers with counters whose reading shifts bare, keeps steady ones', () => {
    const counter = (surface: string, reading: string): AnalyzedToken => ({ surface, reading, pos: ['名詞', '接尾', '助数詞'] });
    expect(rubySegments([noun('3', undefined, '数'), counter('本', 'ホン')], 'all')).toEqual(['3本']);
    expect(rubySegments([noun('一', 'イチ', '数'), counter('日', 'ニチ')], 'all')).toEqual(['一日']);
    expect(rubySegments([noun('3', undefined, '数'), counter('月', 'ガツ')], 'all')).toEqual(['3', { base: '月', reading: 'がつ' }]);
  });
  it('gives no ruby to words below the level', () => {
    expect(rubySegments([noun('日本', 'ニホン'), other('の', 'ノ'), noun('税関', 'ゼイカン')], 'grade-5')).toEqual([
      '日本の',
      { base: '税関', reading: 'ぜいかん' },
    ]);
  });
});

describe('kana', () => {
  it('turns katakana readings into hiragana', () => {
    expect(toHiragana('ケイザイ')).toBe('けいざい');
  });
  it('widens half-width katakana one character for one', () => {
    const text = 'ｶﾞｽ料金';
    expect(widenKana(text)).toHaveLength(text.length);
    expect(widenKana(text).normalize('NFC')).toBe('ガス料金');
  });
});
