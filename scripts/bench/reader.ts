/**
 * Node side of the reading-mode sections of the bench (7 and 8): the scripts injected into pages without the
 * extension (bundled in memory with esbuild), and extraction quality (section 8) on jsdom.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import type { Article } from '../../src/reader/article.ts';
import { extractArticle } from '../../src/reader/extract.ts';
import { readerText, visibleText } from '../../tests/support/article-text.ts';
import { EXTRACTION_FIXTURES } from '../../tests/support/extraction-fixtures.ts';
import { type ShingleScores, shingleScores, tokenize } from '../../tests/support/shingles.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = resolve(ROOT, 'tests/fixtures/pages');
const EXPECTED = resolve(ROOT, 'tests/fixtures/extraction');

/** The pages with hand-checked expected text (tests/fixtures/extraction/<name>.expected.txt). */
export const QUALITY_FIXTURES = EXTRACTION_FIXTURES;

async function iife(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Readability and DOMPurify as window.__bareReader, for the baseline (the libraries the reader itself uses). */
export function bareReaderBundle(): Promise<string> {
  return iife(
    "import { Readability } from '@mozilla/readability'; import DOMPurify from 'dompurify';\n" +
      'globalThis.__bareReader = { Readability, DOMPurify };',
  );
}

/** extractArticle and sanitizeArticleFragment as window.__easyReadReader (the same sources the reader page is built from). */
export function readerCodeBundle(): Promise<string> {
  return iife(
    "import { extractArticle } from './src/reader/extract.ts'; import { sanitizeArticleFragment } from './src/reader/sanitize.ts';\n" +
      'globalThis.__easyReadReader = { extractArticle, sanitizeArticleFragment };',
  );
}

// ---------------------------------------------------------------- 8. extraction quality

/** What the reader page in Chromium shows, read from its DOM (see readerShown in reader-in-page.ts), by the same text rule. */
export interface ShownReader {
  title: string;
  byline: string;
  meta: string[];
  contentHtml: string;
}

export async function expectedText(page: string): Promise<string> {
  return readFile(resolve(EXPECTED, `${page}.expected.txt`), 'utf8');
}

export function shownScores(expected: string, shown: ShownReader): ShingleScores {
  return shingleScores(expected, [shown.title, shown.byline, ...shown.meta, visibleText(shown.contentHtml)].join('\n'));
}

export interface QualityRow {
  page: string;
  kind: Article['kind'] | null;
  expectedTokens: number;
  scores: ShingleScores;
  /** extractArticle time on jsdom (ms), for information only: jsdom is far slower than a browser. */
  jsdomMs: number;
}

/** extractArticle on each fixture parsed by jsdom (URL http://127.0.0.1/<name>.html, as in the unit tests), scored with 4-token shingles. */
export async function extractionQuality(): Promise<QualityRow[]> {
  const rows: QualityRow[] = [];
  for (const page of QUALITY_FIXTURES) {
    const url = `http://127.0.0.1/${page}.html`;
    const html = await readFile(resolve(PAGES, `${page}.html`), 'utf8');
    const expected = await expectedText(page);
    const document = new JSDOM(html, { url }).window.document;
    const start = performance.now();
    const article = extractArticle(document, url);
    const jsdomMs = performance.now() - start;
    rows.push({
      page,
      kind: article?.kind ?? null,
      expectedTokens: tokenize(expected).length,
      scores: shingleScores(expected, article ? readerText(article) : ''),
      jsdomMs,
    });
  }
  return rows;
}
