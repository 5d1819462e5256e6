/**
 * Shingle-based text similarity, the measure public article-extraction benchmarks use to score extracted text
 * against hand-checked text: both are cut into overlapping runs of n tokens ("shingles"), and precision / recall
 * are the shares of shared shingles. Word order matters locally (within n tokens), layout and whitespace not at all.
 */

export interface ShingleScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Latin (and other spaced) text: lower-cased words and numbers, punctuation dropped. Chinese and Japanese have no
 * spaces, so every kanji / kana is a token of its own (ー and 々 included, which Unicode files under other scripts).
 * NFKC first, so full-width "２０２４" and half-width "2024" are the same token.
 */
const CJK = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆]';
// A CJK character alone, or a run of other letters and digits (kanji are letters too, hence the lookahead).
const TOKEN = new RegExp(`${CJK}|(?:(?!${CJK})[\\p{L}\\p{N}])+`, 'gu');

export function tokenize(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}

/** Counts of every n-token shingle. Texts shorter than n tokens are one shingle, so they still compare. */
function shingles(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  const size = Math.min(n, tokens.length);
  for (let i = 0; size > 0 && i + size <= tokens.length; i++) {
    const shingle = tokens.slice(i, i + size).join('\u0000');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export function shingleScores(expected: string, actual: string, n = 4): ShingleScores {
  const want = shingles(tokenize(expected), n);
  const got = shingles(tokenize(actual), n);
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);
  const wantTotal = total(want);
  const gotTotal = total(got);
  if (wantTotal === 0 && gotTotal === 0) return { precision: 1, recall: 1, f1: 1 };
  // Multiset intersection: a paragraph extracted twice does not count twice.
  let shared = 0;
  for (const [shingle, count] of got) shared += Math.min(count, want.get(shingle) ?? 0);
  const precision = gotTotal === 0 ? 0 : shared / gotTotal;
  const recall = wantTotal === 0 ? 0 : shared / wantTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
