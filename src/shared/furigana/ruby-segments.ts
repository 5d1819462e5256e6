/**
 * Analyzer tokens → ruby segments: pure.
 *
 * A word's reading is split at its kana, so that okurigana (取り扱い: 取[と]り扱[あつか]い) and
 * kana inside a word stay outside the ruby; a run of kanji keeps one reading over the run
 * (経済産業省 is けいざいさんぎょうしょう, which no rule divides per kanji without a kanji
 * dictionary). Words whose reading is not known (unknown words: new names, rare kanji), person
 * names (their readings vary from person to person) and counters after digits (1本 いっぽん,
 * 3本 さんぼん) get no ruby rather than a guess.
 */
import { type FuriganaLevel, KANJI, needsRuby } from './furigana-level';
import { toHiragana } from './kana';

/** What the analyzer tells of one word (kuromoji's token, reduced). */
export interface AnalyzedToken {
  surface: string;
  /** Reading in katakana; absent when the dictionary does not know the word. */
  reading?: string;
  /** Part of speech and its first two subdivisions (IPADIC: 名詞, 固有名詞, 人名). */
  pos: readonly string[];
}

export type RubySegment = string | { base: string; reading: string };

const KANJI_RUN = new RegExp(`(${KANJI.source}+)`, 'u');

/** Counters whose reading does not change with the number before them. */
const STEADY_COUNTERS = new Set(['年', '月', '円', '回', '件', '万', '億', '兆', '名', '歳', '度']);

/** The word as kanji runs with readings and kana left as they are, or undefined when the reading cannot be aligned. */
export function splitReading(surface: string, reading: string): RubySegment[] | undefined {
  const parts = surface.split(KANJI_RUN).filter((part) => part !== '');
  const hiragana = toHiragana(reading);
  const pattern = parts.map((part) => (KANJI.test(part) ? '(.+?)' : `(${escapeRegExp(toHiragana(part))})`)).join('');
  const lazy = new RegExp(`^${pattern}$`, 'u').exec(hiragana);
  const greedy = new RegExp(`^${pattern.replaceAll('(.+?)', '(.+)')}$`, 'u').exec(hiragana);
  // Two different alignments (the kana also occurs inside a kanji's reading): neither is sure.
  if (!lazy || !greedy || lazy.join('|') !== greedy.join('|')) return undefined;
  return parts.map((part, index) => (KANJI.test(part) ? { base: part, reading: lazy[index + 1] ?? '' } : part));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isDigits(token: AnalyzedToken | undefined): boolean {
  return token !== undefined && /^[0-9０-９]+$/.test(token.surface);
}

function isNumeral(token: AnalyzedToken | undefined): boolean {
  return token !== undefined && (isDigits(token) || token.pos[1] === '数');
}

/** A counter whose reading, and its number's, change with each other (一日 ついたち, 九時 くじ, 一本 いっぽん). */
function isShiftingCounter(token: AnalyzedToken | undefined): boolean {
  return token !== undefined && token.pos[2] === '助数詞' && !STEADY_COUNTERS.has(token.surface);
}

/**
 * Readings where IPADIC's only or first entry is not the one in general use: it reads 日本 as
 * ニッポン, where government, NHK and school texts say にほん (both are correct; にほん is the
 * everyday one).
 */
const READING_OVERRIDES: Record<string, string> = { 日本: 'ニホン' };

function knownReading(token: AnalyzedToken, previous: AnalyzedToken | undefined, next: AnalyzedToken | undefined): string | undefined {
  const reading = READING_OVERRIDES[token.surface] ?? token.reading;
  if (!reading || reading === '*' || !/^[\u30a0-\u30ff]+$/.test(reading)) return undefined;
  if (token.pos[1] === '固有名詞' && token.pos[2] === '人名') return undefined;
  if (isNumeral(previous) && isShiftingCounter(token)) return undefined;
  if (isNumeral(token) && isShiftingCounter(next)) return undefined;
  return reading;
}

/** The segments of one text: plain strings and ruby, merged so that plain text stays in as few strings as possible. */
export function rubySegments(tokens: readonly AnalyzedToken[], level: FuriganaLevel): RubySegment[] {
  const out: RubySegment[] = [];
  const push = (segment: RubySegment) => {
    const last = out.at(-1);
    if (typeof segment === 'string' && typeof last === 'string') out[out.length - 1] = last + segment;
    else if (segment !== '') out.push(segment);
  };
  tokens.forEach((token, index) => {
    const reading = KANJI.test(token.surface) ? knownReading(token, tokens[index - 1], tokens[index + 1]) : undefined;
    const parts = reading ? splitReading(token.surface, reading) : undefined;
    for (const part of parts ?? [token.surface]) {
      push(typeof part === 'string' || needsRuby(part.base, level) ? part : part.base);
    }
  });
  return out;
}
