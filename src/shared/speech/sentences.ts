/**
 * Splits text into sentences for read aloud. Pure: no DOM, no browser APIs
 * beyond Intl, so the whole thing is unit-tested in Node.
 *
 * Intl.Segmenter (ICU) does the language-aware work, then a small set of
 * rules repairs its known mistakes: it splits after "Mr." and "U.S.", puts an
 * opening bracket after "！" into the wrong sentence, and splits
 * 「…。」と述べた。 in two. When Intl.Segmenter is missing a regex splitter
 * approximates ICU and the same repairs run on its output.
 */

export interface Sentence {
  /** Offset of the first character in the input text. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
  /** text.slice(start, end): never empty, never starts or ends with whitespace. */
  text: string;
}

/** A half-open [start, end) span of the input. */
interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Abbreviations

/** Never end a sentence: a name or an example always follows. */
const ALWAYS_JOIN = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'e.g', 'i.e', 'vs', 'cf']);

/** Abbreviations that precede a number: "No. 5", "Fig. 3", "Dec. 13". */
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'vol',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Abbreviations that can also end a sentence ("…made by Apple Inc. The
 * company…"). They join the next segment unless it opens like a new sentence.
 */
const JOIN_UNLESS_OPENER = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'st', 'u.s', 'u.k']);

/**
 * Words that usually start a new sentence. Only consulted after ambiguous
 * abbreviations, so the list can stay short: a miss costs one long sentence.
 */
const SENTENCE_OPENERS = new Set(
  (
    'a an the this that these those it its he she they we i you there here in on at by for from to with ' +
    'but and or so then however after before when while if as our his her their my your one some many most'
  ).split(' '),
);

/** The word a segment ends with, after any space, dash, slash, bracket or quote: "Japan-U.S." gives "U.S.". */
function lastWord(text: string): string {
  return /[^\s\p{Pd}/\p{Ps}\p{Pi}"']+$/u.exec(text)?.[0] ?? '';
}

/** The first word of a segment if it is a plain word (so "A." in "J. A. Smith" is not the article "A"). */
function firstPlainWord(text: string): string | undefined {
  const match = /^[\p{L}']+(?=[\s,;:]|$)/u.exec(text);
  return match?.[0].toLowerCase();
}

function startsWithDigit(text: string): boolean {
  return /^[0-9０-９]/.test(text);
}

/** True when a segment ending in `word` (an abbreviation with its dot) continues into `next`. */
function abbreviationContinues(word: string, next: string): boolean {
  if (!word.endsWith('.')) return false;
  const bare = word.slice(0, -1);
  const key = bare.toLowerCase();
  if (ALWAYS_JOIN.has(key)) return true;
  if (BEFORE_NUMBER.has(key)) return startsWithDigit(next);
  // A single capital is an initial: "J. Smith". Checked case-sensitively so "a." is not one.
  if (JOIN_UNLESS_OPENER.has(key) || /^\p{Lu}$/u.test(bare)) {
    const opener = firstPlainWord(next);
    return opener === undefined || !SENTENCE_OPENERS.has(opener);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Other repairs

/** Japanese particles that continue a sentence after a closing quote: 「…。」と述べた。 */
const PARTICLE_AFTER_QUOTE = /^(?:って|とか|など|と|の|が|を|に|も|は|で|や)/u;
const CLOSING_BRACKET_AT_END = /[」』）)】〕〉》]$/u;

/**
 * A list or heading number on its own: "1.", "(2)", "3)", "iv.", "A.", "１．".
 * It introduces what follows ("1. Outline of the IP WG") and is no sentence.
 */
const LIST_MARKER = /^(?:\(?(?:[0-9０-９]{1,3}|[ivxlc]{1,6}|[IVXLC]{1,6}|[A-Za-z])[.)．）])$/u;

/** Whether the split between two trimmed segments is a mistake to undo. */
function shouldJoin(previous: string, next: string, gap: string): boolean {
  // A line break is a hard boundary: collectSpeakableText puts one between blocks.
  if (/[\n\r\u2028\u2029]/u.test(gap)) return false;
  if (LIST_MARKER.test(previous)) return true;
  if (/\d\.$/u.test(previous) && startsWithDigit(next)) return true;
  if (gap === '' && CLOSING_BRACKET_AT_END.test(previous) && PARTICLE_AFTER_QUOTE.test(next)) return true;
  return abbreviationContinues(lastWord(previous), next);
}

/**
 * Opening brackets that can be left at the end of a segment. ICU counts
 * opening punctuation as "Close", so "雨！（注）" splits as "雨！（" + "注）".
 * Quotes that open and close alike (") are left where they are.
 */
const OPENING_BRACKET = /[([{（［｛「『【〔〈《“‘]/u;

function moveOpeningBracketsForward(text: string, boundaries: number[]): number[] {
  return boundaries.map((boundary) => {
    let moved = boundary;
    while (moved > 0 && OPENING_BRACKET.test(text[moved - 1])) moved--;
    return moved;
  });
}

function trimSpan(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** Shared by both splitters: boundaries in, repaired sentences out. */
function sentencesFromBoundaries(text: string, boundaries: number[]): Sentence[] {
  const cuts = moveOpeningBracketsForward(text, boundaries);
  const spans: Span[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const span = trimSpan(text, { start: from, end: Math.max(from, cut) });
    from = Math.max(from, cut);
    if (!span) continue;
    const previous = spans.at(-1);
    if (
      previous &&
      shouldJoin(text.slice(previous.start, previous.end), text.slice(span.start, span.end), text.slice(previous.end, span.start))
    ) {
      previous.end = span.end;
    } else {
      spans.push(span);
    }
  }
  return spans.map(({ start, end }) => ({ start, end, text: text.slice(start, end) }));
}

// ---------------------------------------------------------------------------
// Raw boundaries

const segmenters = new Map<string, Intl.Segmenter>();

/** One cached segmenter per language; an invalid tag (e.g. "" or "en_US") falls back to the default locale. */
function segmenterFor(lang: string): Intl.Segmenter {
  const tag = lang.replace(/_/g, '-');
  let segmenter = segmenters.get(tag);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(tag, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(tag, segmenter);
  }
  return segmenter;
}

function segmenterBoundaries(text: string, lang: string): number[] {
  const boundaries: number[] = [];
  for (const { index } of segmenterFor(lang).segment(text)) if (index > 0) boundaries.push(index);
  return boundaries;
}

/** After "." ICU does not split when the next letter is lower case ("Dec. 13, 2017, the…"). */
function nextLetterIsLowercase(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (/[\n\r\u2028\u2029]/u.test(char)) return false;
    if (/\p{L}/u.test(char)) return /\p{Ll}/u.test(char);
  }
  return false;
}

/**
 * Line breaks; then CJK stops and "!?", which end a sentence with or without a
 * following space (a full-width "．" between digits is a decimal point); then
 * Latin full stops, which need a space after them ("3.14" is one number).
 * Closing brackets and quotes after the stop stay with the sentence.
 */
const FALLBACK_BOUNDARY =
  /[\n\r\u2028\u2029]|(?:[。！？｡!?‼⁇⁈⁉]|．(?![0-9０-９]))+[」』）)】〕〉》"”’'\]}»]*\s*|\.+[」』）)】〕〉》"”’'\]}»]*\s+/gu;

function regexBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  for (const match of text.matchAll(FALLBACK_BOUNDARY)) {
    const end = match.index + match[0].length;
    if (/^[.．][^!?！？]*$/u.test(match[0]) && nextLetterIsLowercase(text, end)) continue;
    if (end < text.length) boundaries.push(end);
  }
  return boundaries;
}

// ---------------------------------------------------------------------------
// API

function hasSegmenter(): boolean {
  return typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function';
}

/**
 * Sentences of `text` in order, with offsets into `text`. `lang` is a BCP 47
 * tag ("en", "ja-JP"); it tunes Intl.Segmenter and is otherwise ignored.
 */
export function splitSentences(text: string, lang: string): Sentence[] {
  const boundaries = hasSegmenter() ? segmenterBoundaries(text, lang) : regexBoundaries(text);
  return sentencesFromBoundaries(text, boundaries);
}

/**
 * The splitter used when Intl.Segmenter is missing. Exported so tests run the
 * same cases through it on Node, which has Intl.Segmenter.
 */
export function splitSentencesWithoutSegmenter(text: string): Sentence[] {
  return sentencesFromBoundaries(text, regexBoundaries(text));
}

/**
 * Index of the sentence to start from for a text offset (a click): the one
 * containing it, else the next one, else the last. -1 when there are none.
 */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  const next = sentences.findIndex((sentence) => offset < sentence.end);
  return next === -1 ? sentences.length - 1 : next;
}
