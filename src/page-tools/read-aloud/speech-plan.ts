/**
 * Pure: what read aloud on the live page says, and in which language.
 * The DOM walking is done by shared/speech (collectSpeakableText); this file
 * decides the language of a piece of text and cuts it into sentences with
 * offsets that map back to the page's text nodes for highlighting.
 */
import { type Sentence, splitSentences } from '../../shared/speech/sentences';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu;
const LETTER = /\p{L}/gu;

/**
 * The language to speak `text` in. A page marked lang="en" often carries
 * Japanese names, addresses or whole paragraphs without a lang of their own
 * (government English pages do): text that is mostly Japanese is read with a
 * Japanese voice whatever the markup says, since an English voice reads
 * kanji as nothing or as "Chinese letter".
 */
export function languageOf(text: string, declared: string): string {
  const letters = text.match(LETTER)?.length ?? 0;
  const japanese = text.match(JAPANESE)?.length ?? 0;
  if (letters > 0 && japanese / letters >= 0.3) return declared.toLowerCase().startsWith('ja') ? declared : 'ja';
  if (declared.trim() !== '') return declared;
  return 'en';
}

/**
 * Sentences of text.slice(start, end) with offsets into the whole `text`,
 * e.g. the part of a paragraph the user selected.
 */
export function sentencesBetween(text: string, start: number, end: number, lang: string): Sentence[] {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return splitSentences(text.slice(from, to), lang).map((sentence) => ({
    ...sentence,
    start: sentence.start + from,
    end: sentence.end + from,
  }));
}
