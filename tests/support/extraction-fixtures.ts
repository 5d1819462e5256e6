/**
 * The extraction fixtures: pages in tests/fixtures/pages with hand-checked expected text in
 * tests/fixtures/extraction/<name>.expected.txt, and golden files of the reader's output in
 * tests/fixtures/extraction/golden/ (`npm run golden` writes them; review the diff before committing).
 * One list for the unit tests, the golden files and the bench.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import type { Article } from '../../src/reader/article';
import { extractArticle } from '../../src/reader/extract';
import { parseSnapshot } from '../../src/reader/parse-snapshot';

export const EXTRACTION_FIXTURES = ['meti-release', 'japanese-gov', 'hostile-css', 'listing-index', 'pdf-links', 'news-extras'] as const;

const PAGES = new URL('../fixtures/pages/', import.meta.url);
export const GOLDEN_DIR = new URL('../fixtures/extraction/golden/', import.meta.url);

/**
 * What the reader page extracts from the fixture served from 127.0.0.1, on the path the browser takes: the page's
 * HTML parsed by DOMParser (jsdom's) through parseSnapshot, then extractArticle.
 */
export function readerExtraction(name: string): Article | null {
  const url = `http://127.0.0.1/${name}.html`;
  const html = readFileSync(new URL(`${name}.html`, PAGES), 'utf8');
  const { DOMParser } = new JSDOM('').window;
  return extractArticle(parseSnapshot({ html, url }, new DOMParser()), url);
}

/** The golden files of one fixture: the body's HTML as extracted, and everything else as JSON. */
export function goldenFiles(name: string): { html: string; json: string } {
  const article = readerExtraction(name);
  if (!article) return { html: '', json: `${JSON.stringify(null)}\n` };
  const { contentHtml, ...facts } = article;
  return { html: `${contentHtml}\n`, json: `${JSON.stringify(facts, null, 2)}\n` };
}
