import { describe, expect, it } from 'vitest';
import { bandAround, lineHeightOf, MAX_BAND_HEIGHT, MIN_BAND_HEIGHT, readingLineOf } from '../../src/page-tools/line-focus/band';
import { languageOf, sentencesBetween } from '../../src/page-tools/read-aloud/speech-plan';

describe('reading ruler band', () => {
  it('is centred on the line being read and a little taller than it', () => {
    expect(bandAround(400, 30, 900)).toEqual({ top: 381, height: 38 });
  });

  it('stays inside the viewport at its edges', () => {
    expect(bandAround(0, 30, 900).top).toBe(0);
    expect(bandAround(900, 30, 900)).toEqual({ top: 862, height: 38 });
  });

  it('is never thinner than a target nor taller than a short paragraph, nor than the viewport', () => {
    expect(bandAround(100, 8, 900).height).toBe(MIN_BAND_HEIGHT);
    expect(bandAround(100, 400, 900).height).toBe(MAX_BAND_HEIGHT);
    expect(bandAround(10, 400, 100)).toEqual({ top: 0, height: 100 });
  });

  it('reads line-height: normal as 1.2 × the font size', () => {
    expect(lineHeightOf({ lineHeight: '27px', fontSize: '18px' })).toBe(27);
    expect(lineHeightOf({ lineHeight: 'normal', fontSize: '20px' })).toBe(24);
    expect(lineHeightOf({ lineHeight: 'normal', fontSize: '' })).toBe(20);
  });

  it('goes to the middle of a focused link, to the first line of a big box', () => {
    expect(readingLineOf({ top: 100, height: 24 }, 24)).toBe(112);
    expect(readingLineOf({ top: 100, height: 400 }, 24)).toBe(112);
  });
});

describe('read aloud on the page', () => {
  it('speaks mostly Japanese text with a Japanese voice, even on a page marked English', () => {
    expect(languageOf('経済産業省 大臣官房 広報室', 'en')).toBe('ja');
    expect(languageOf('お問い合わせ先：03-3501-1511', 'en-US')).toBe('ja');
    expect(languageOf('日本語の文章です。', 'ja-JP')).toBe('ja-JP');
  });

  it('keeps the declared language for text that is not Japanese, and English when none is declared', () => {
    expect(languageOf('Ministry of Economy, Trade and Industry (METI) 経済産業省', 'en')).toBe('en');
    expect(languageOf('Bonjour à tous', 'fr')).toBe('fr');
    expect(languageOf('Hello', '')).toBe('en');
  });

  it('cuts a selection into sentences whose offsets point into the whole text', () => {
    const text = 'First sentence. Second one here. Third.';
    const sentences = sentencesBetween(text, 16, 39, 'en');
    expect(sentences.map((sentence) => sentence.text)).toEqual(['Second one here.', 'Third.']);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('clamps offsets outside the text', () => {
    expect(sentencesBetween('Only one.', -5, 99, 'en').map((sentence) => sentence.text)).toEqual(['Only one.']);
    expect(sentencesBetween('Only one.', 5, 2, 'en')).toEqual([]);
  });
});
