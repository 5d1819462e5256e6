/**
 * Word-level reading accuracy of the real analyzer (kuromoji + IPADIC, the same dictionary files
 * the packages carry, read by kuromoji's Node loader) on hand-checked government-style Japanese.
 * A word is a run of kanji with no kana between (関係省庁); it is right when the ruby produced
 * over it covers exactly its characters and its readings joined are the hand-checked reading.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/kuromoji-analyzer';
import { type RubySegment, rubySegments } from '../../src/shared/furigana/ruby-segments';

interface Word {
  start: number;
  end: number;
  reading: string;
}

/** `{経済|けいざい}{産業省|さんぎょうしょう}は` → the plain text and its words, adjacent runs merged. */
function parseLine(line: string): { text: string; words: Word[] } {
  let text = '';
  const words: Word[] = [];
  for (const part of line.split(/(\{[^}]*\})/)) {
    const marked = /^\{([^|]*)\|([^}]*)\}$/.exec(part);
    if (!marked) {
      text += part;
      continue;
    }
    const [, base = '', reading = ''] = marked;
    const last = words.at(-1);
    if (last && last.end === text.length) {
      last.end += base.length;
      last.reading += reading;
    } else words.push({ start: text.length, end: text.length + base.length, reading });
    text += base;
  }
  return { text, words };
}

/** Ruby spans of the produced segments, by position in the text. */
function rubySpans(segments: readonly RubySegment[]): Word[] {
  const spans: Word[] = [];
  let at = 0;
  for (const segment of segments) {
    const base = typeof segment === 'string' ? segment : segment.base;
    if (typeof segment !== 'string') spans.push({ start: at, end: at + base.length, reading: segment.reading });
    at += base.length;
  }
  return spans;
}

const lines = readFileSync('tests/fixtures/furigana/government-japanese.txt', 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map(parseLine);

describe('furigana accuracy on government-style Japanese', () => {
  it('reads 95% of the annotated words of 300+ exactly right, and leaves at most 5% bare', async () => {
    const tokens = await analyze(
      'node_modules/@sglkc/kuromoji/dict',
      lines.map((line) => line.text),
    );
    let total = 0;
    let right = 0;
    let bare = 0;
    let partial = 0;
    const wrong: string[] = [];
    lines.forEach((line, index) => {
      const spans = rubySpans(rubySegments(tokens[index] ?? [], 'all'));
      for (const word of line.words) {
        total++;
        const inside = spans.filter((span) => span.end > word.start && span.start < word.end);
        const tiles = inside[0]?.start === word.start && inside.at(-1)?.end === word.end;
        const reading = inside.map((span) => span.reading).join('');
        const base = line.text.slice(word.start, word.end);
        if (inside.length === 0) {
          bare++;
          wrong.push(`${base}: no ruby (expected ${word.reading})`);
        } else if (!tiles || inside.some((span, at) => at > 0 && inside[at - 1]?.end !== span.start)) {
          partial++;
          wrong.push(`${base}: ruby over part of it only (numbers and their counters are left bare)`);
        } else if (reading === word.reading) right++;
        else
          wrong.push(
            `${base}: ${inside.map((span) => `${line.text.slice(span.start, span.end)}[${span.reading}]`).join('')} (expected ${word.reading})`,
          );
      }
    });
    const annotated = total - bare - partial;
    console.info(
      `furigana accuracy: ${right}/${annotated} annotated words right (${((100 * right) / annotated).toFixed(1)}%); ` +
        `of ${total} words ${bare} without ruby, ${partial} with ruby over part only\n  ${wrong.join('\n  ')}`,
    );
    expect(total).toBeGreaterThanOrEqual(300);
    expect(right / annotated).toBeGreaterThanOrEqual(0.95);
    expect(bare + partial).toBeLessThanOrEqual(total * 0.05);
  }, 60_000);
});
