import { describe, expect, it } from 'vitest';
import { shingleScores, tokenize } from '../support/shingles';

describe('tokenize', () => {
  it('lower-cases Latin words and drops punctuation', () => {
    expect(tokenize('The IP-related, "legislation"!')).toEqual(['the', 'ip', 'related', 'legislation']);
  });

  it('makes every kanji and kana a token, and words of the Latin runs between them', () => {
    expect(tokenize('省エネ設備 PDF形式')).toEqual(['省', 'エ', 'ネ', '設', '備', 'pdf', '形', '式']);
  });

  it('treats full-width and half-width forms alike', () => {
    expect(tokenize('２０２４年')).toEqual(tokenize('2024年'));
  });

  it('keeps the prolonged sound mark and the kanji repeat mark', () => {
    expect(tokenize('ボイラー人々')).toEqual(['ボ', 'イ', 'ラ', 'ー', '人', '々']);
  });
});

describe('shingleScores', () => {
  const text = 'one two three four five six seven eight';

  it('is perfect for the same text, whatever the whitespace and case', () => {
    expect(shingleScores(text, `  ONE two\nthree   four five six seven eight `)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('loses recall when text is missing and precision when text is added', () => {
    const missing = shingleScores(text, 'one two three four five');
    expect(missing.precision).toBe(1);
    expect(missing.recall).toBeCloseTo(2 / 5);

    const extra = shingleScores(text, `${text} nine ten`);
    expect(extra.recall).toBe(1);
    expect(extra.precision).toBeCloseTo(5 / 7);
    expect(extra.f1).toBeCloseTo((2 * (5 / 7)) / (5 / 7 + 1));
  });

  it('counts a repeated passage once against a single expected one', () => {
    const twice = shingleScores(text, `${text} ${text}`);
    expect(twice.recall).toBe(1);
    expect(twice.precision).toBeLessThan(0.5);
  });

  it('scores unrelated text 0 and handles empty inputs', () => {
    expect(shingleScores(text, 'completely different words here now').f1).toBe(0);
    expect(shingleScores('', '')).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(shingleScores(text, '').f1).toBe(0);
    expect(shingleScores('', text).f1).toBe(0);
  });

  it('still compares texts shorter than n tokens', () => {
    expect(shingleScores('two words', 'two words').f1).toBe(1);
    expect(shingleScores('two words', 'other words').f1).toBe(0);
  });

  it('compares Japanese character by character', () => {
    const scores = shingleScores('公募を開始します。', '公募を開始しました。');
    expect(scores.precision).toBeGreaterThan(0);
    expect(scores.precision).toBeLessThan(1);
  });
});
