/**
 * The analyzer's worker: reads the dictionary once (for the life of the worker, which its host
 * keeps for the browser session) and turns texts into ruby segments. A worker, so that the
 * analysis never blocks the page that hosts it (Chrome's offscreen document, Firefox's
 * background page, where our messages are answered).
 */
import type { FuriganaLevel } from '../shared/furigana/furigana-level';
import { widenKana } from '../shared/furigana/kana';
import { rubySegments } from '../shared/furigana/ruby-segments';
import { analyze } from './kuromoji-analyzer';

export interface AnalyzerRequest {
  id: number;
  texts: string[];
  level: FuriganaLevel;
}
export type AnalyzerResponse = { id: number; segments: ReturnType<typeof rubySegments>[] } | { id: number; error: string };

/** Half-width kana are widened for the dictionary; kana keep their place, so segments are rebased on the page's own characters. */
function rebase(original: string, segments: ReturnType<typeof rubySegments>): ReturnType<typeof rubySegments> {
  let at = 0;
  return segments.map((segment) => {
    const length = typeof segment === 'string' ? segment.length : segment.base.length;
    const text = original.slice(at, at + length);
    at += length;
    return typeof segment === 'string' ? text : { base: text, reading: segment.reading };
  });
}

// A path, not a URL: kuromoji joins it with each file name and collapses every '//', which breaks 'chrome-extension://'.
const dictionaryUrl = '/dict/';

self.addEventListener('message', (event: MessageEvent<AnalyzerRequest>) => {
  const { id, texts, level } = event.data;
  analyze(dictionaryUrl, texts.map(widenKana)).then(
    (tokens) => self.postMessage({ id, segments: tokens.map((words, index) => rebase(texts[index] ?? '', rubySegments(words, level))) }),
    (error: unknown) => self.postMessage({ id, error: String(error) }),
  );
});
