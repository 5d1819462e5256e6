/**
 * The Japanese analyzer: kuromoji with the IPADIC dictionary (@sglkc/kuromoji, a fork of
 * kuromoji.js whose browser loader uses fetch and fflate, so it runs in workers).
 *
 * Why this one (issue 14; figures in README "How furigana works"): it is plain JavaScript, so
 * extension pages keep `script-src 'self'` (lindera's wasm build would need `'wasm-unsafe-eval'`);
 * IPADIC has readings for government vocabulary (経済産業省, 知的財産権, 税関, 地理的表示) and its
 * unknown-word model marks what it does not know, so no reading is guessed; its 12 dictionary
 * files (17 MB, already gzip, Apache-2.0 with the NAIST IPADIC notice) are packaged and read
 * from the extension itself, never fetched from the network. @patdx/kuromoji is the same
 * engine with the same dictionary and a smaller user base.
 */
// The default import (module.exports): Node's ESM loader sees no named exports in this CommonJS module.
import kuromoji, { type IpadicFeatures, type Tokenizer as KuromojiTokenizer } from '@sglkc/kuromoji';
import type { AnalyzedToken } from '../shared/furigana/ruby-segments';

type Tokenizer = KuromojiTokenizer<IpadicFeatures>;

let tokenizer: Promise<Tokenizer> | undefined;

/** The dictionary is read once for the life of this context; a failed read is tried again next time. */
export function loadTokenizer(dictionaryUrl: string): Promise<Tokenizer> {
  tokenizer ??= new Promise<Tokenizer>((resolve, reject) => {
    kuromoji.builder({ dicPath: dictionaryUrl }).build((error, built) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(built);
    });
  }).catch((error: unknown) => {
    tokenizer = undefined;
    throw error;
  });
  return tokenizer;
}

export async function analyze(dictionaryUrl: string, texts: readonly string[]): Promise<AnalyzedToken[][]> {
  const built = await loadTokenizer(dictionaryUrl);
  return texts.map((text) =>
    built.tokenize(text).map((token) => ({
      surface: token.surface_form,
      reading: token.reading,
      pos: [token.pos, token.pos_detail_1, token.pos_detail_2],
    })),
  );
}
