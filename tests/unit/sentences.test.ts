import { describe, expect, it } from 'vitest';
import { type Sentence, sentenceAt, splitSentences, splitSentencesWithoutSegmenter } from '../../src/shared/speech/sentences';

/**
 * Every case runs through both splitters: Intl.Segmenter (what browsers use)
 * and the regex fallback (for a browser without it). Node 20 has
 * Intl.Segmenter, so the fallback is called directly.
 */
const splitters: [string, (text: string, lang: string) => Sentence[]][] = [
  ['Intl.Segmenter', splitSentences],
  ['regex fallback', (text) => splitSentencesWithoutSegmenter(text)],
];

const texts = (split: (text: string, lang: string) => Sentence[], text: string, lang = 'en') => split(text, lang).map((s) => s.text);

describe.each(splitters)('splitting sentences with the %s', (_name, split) => {
  it('keeps a title abbreviation with the name that follows', () => {
    const text =
      'Mr. Hiroshi Tsuchida, Deputy Director-General for Trade Policy, Ministry of Economy, Trade and Industry, attended the meeting.';
    expect(texts(split, text)).toEqual([text]);
  });

  it('splits a METI press release into its two sentences', () => {
    const first =
      'On December 13, 2017, the Ministry of Economy, Trade and Industry (METI) held the first Japan-U.S. Economic Dialogue working-level meeting in Tokyo.';
    const second = 'This meeting is part of the Japan-U.S. Economic Dialogue launched in April 2017.';
    expect(texts(split, `${first} ${second}`)).toEqual([first, second]);
  });

  it.each([
    'Mrs. Sato, Ms. Ito and Dr. Yamada met Prof. Suzuki.',
    'Use a short form, e.g. This one, or i.e. That one.',
    'Japan vs. Korea was the final.',
    'The U.S. Department of Energy and the U.K. Government agreed.',
    'J. Smith and J. R. R. Tolkien wrote books.',
    'She lives in St. Louis now.',
    'Toyota Motor Co. Ltd. announced a plan.',
    'Acme Corp. Chief Executive Jane Doe spoke.',
    'On Dec. 13 2017 ministers met.',
    'See Fig. 3 and Vol. 2 for No. 5 of the Nos. 5 to 9 list.',
    'The rate was 3.5 percent and pi is 3.14159 today.',
    'It costs $3. 50 people paid.',
  ])('does not split "%s"', (text) => {
    expect(texts(split, text)).toEqual([text]);
  });

  it('still splits after an ambiguous abbreviation when a new sentence clearly starts', () => {
    expect(texts(split, 'The plant was built by Apple Inc. The company paid for it.')).toEqual([
      'The plant was built by Apple Inc.',
      'The company paid for it.',
    ]);
    expect(texts(split, 'He moved to the U.S. Then he studied law.')).toEqual(['He moved to the U.S.', 'Then he studied law.']);
    expect(texts(split, 'Bring pens, paper, etc. We start at nine.')).toEqual(['Bring pens, paper, etc.', 'We start at nine.']);
    expect(texts(split, 'Take vitamin C. It helps.')).toEqual(['Take vitamin C.', 'It helps.']);
  });

  it('splits after a month or "No." when no number follows', () => {
    expect(texts(split, 'The meeting moved to Dec. We agreed.')).toEqual(['The meeting moved to Dec.', 'We agreed.']);
    expect(texts(split, 'The answer was No. Everyone left.')).toEqual(['The answer was No.', 'Everyone left.']);
  });

  it('ends sentences after decimal numbers', () => {
    expect(texts(split, 'Growth was 2.5. Inflation was 0.4.')).toEqual(['Growth was 2.5.', 'Inflation was 0.4.']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(texts(split, 'He said "Stop." Then he left. (It was late.) Nobody argued!')).toEqual([
      'He said "Stop."',
      'Then he left.',
      '(It was late.)',
      'Nobody argued!',
    ]);
  });

  it('splits Japanese at 。！？ and keeps 」』） after the stop', () => {
    expect(texts(split, '経済産業省は発表した。本当ですか？はい！『報告書』を読んだ。', 'ja')).toEqual([
      '経済産業省は発表した。',
      '本当ですか？',
      'はい！',
      '『報告書』を読んだ。',
    ]);
    expect(texts(split, '「会議を開催する。」「以上です。」（注記あり。）次の文。', 'ja')).toEqual([
      '「会議を開催する。」',
      '「以上です。」',
      '（注記あり。）',
      '次の文。',
    ]);
  });

  it('keeps a quotation followed by と述べた as one sentence', () => {
    expect(texts(split, '「経済産業省は対応を検討する。」と述べた。その後、会議は終了した。', 'ja')).toEqual([
      '「経済産業省は対応を検討する。」と述べた。',
      'その後、会議は終了した。',
    ]);
    expect(texts(split, '『重要です。』という声があった。', 'ja')).toEqual(['『重要です。』という声があった。']);
  });

  it('splits at full-width ！？ and puts an opening bracket after them into the next sentence', () => {
    expect(texts(split, '明日は雨！（注）詳細は後日？はい。', 'ja')).toEqual(['明日は雨！', '（注）詳細は後日？', 'はい。']);
  });

  it('treats a full-width full stop as a stop, but not between digits', () => {
    expect(texts(split, '成長率は３．５パーセントである．次に移る．', 'ja')).toEqual(['成長率は３．５パーセントである．', '次に移る．']);
  });

  it('splits mixed Japanese and English text', () => {
    expect(texts(split, 'EasyReadは読み上げます。It reads aloud. Mr. Sato agreed. 次へ。', 'ja')).toEqual([
      'EasyReadは読み上げます。',
      'It reads aloud.',
      'Mr. Sato agreed.',
      '次へ。',
    ]);
  });

  it('keeps a heading or list number with the words it introduces', () => {
    expect(texts(split, '1. Outline of the IP WG')).toEqual(['1. Outline of the IP WG']);
    expect(texts(split, '(2) Cooperation. Next steps.')).toEqual(['(2) Cooperation.', 'Next steps.']);
    expect(texts(split, 'iv. Annex. A. Contacts')).toEqual(['iv. Annex.', 'A. Contacts']);
    expect(texts(split, '１．概要　補助の内容', 'ja')).toEqual(['１．概要　補助の内容']);
    // A number that ends a sentence is still an end.
    expect(texts(split, 'The total was 12. Then it fell.')).toEqual(['The total was 12.', 'Then it fell.']);
  });

  it('treats a line break as a hard boundary, even after an abbreviation', () => {
    expect(texts(split, 'Overview\n\nThe plan has two parts. Mr.\n\nSmith')).toEqual([
      'Overview',
      'The plan has two parts.',
      'Mr.',
      'Smith',
    ]);
  });

  it('drops whitespace-only segments and trims offsets to the sentence text', () => {
    const text = '  Wow!   Really?  \n\n   \u3000今日は。 ';
    const sentences = split(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual(['Wow!', 'Really?', '今日は。']);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(sentences[0]).toEqual({ start: 2, end: 6, text: 'Wow!' });
  });

  it('returns nothing for empty or blank text, and the whole text when there is no stop', () => {
    expect(split('', 'en')).toEqual([]);
    expect(split(' \n\t ', 'en')).toEqual([]);
    expect(split('No full stop here', 'en')).toEqual([{ start: 0, end: 17, text: 'No full stop here' }]);
  });

  it('gives offsets that cover the text in order without overlap', () => {
    const text = 'First one. Second, with Dr. Who! 三つ目。「四つ目。」と言った。\n\nLast';
    const sentences = split(text, 'ja');
    let previousEnd = 0;
    for (const sentence of sentences) {
      expect(sentence.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(previousEnd, sentence.start).trim()).toBe('');
      previousEnd = sentence.end;
    }
    expect(text.slice(previousEnd).trim()).toBe('');
  });
});

describe('splitSentences', () => {
  it('accepts language tags Intl.Segmenter rejects', () => {
    expect(splitSentences('One. Two.', '').map((s) => s.text)).toEqual(['One.', 'Two.']);
    expect(splitSentences('One. Two.', 'en_US').map((s) => s.text)).toEqual(['One.', 'Two.']);
  });
});

describe('sentenceAt', () => {
  const sentences = splitSentences('One. Two.\n\nThree.', 'en');

  it('finds the sentence containing an offset', () => {
    expect(sentenceAt(sentences, 0)).toBe(0);
    expect(sentenceAt(sentences, 3)).toBe(0);
    expect(sentenceAt(sentences, 5)).toBe(1);
  });

  it('moves to the next sentence from a gap, and to the last one past the end', () => {
    expect(sentenceAt(sentences, 4)).toBe(1);
    expect(sentenceAt(sentences, 10)).toBe(2);
    expect(sentenceAt(sentences, 99)).toBe(2);
  });

  it('is -1 without sentences', () => {
    expect(sentenceAt([], 0)).toBe(-1);
  });
});
