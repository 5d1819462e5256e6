/**
 * The text of an extracted article as a reader sees it, for scoring against
 * hand-checked expected text. One definition for the unit tests and the bench,
 * so both score extraction the same way; independent of the extractor's own
 * text code (jsdom, rt/rp removed, a line per block).
 */
import { JSDOM } from 'jsdom';
import type { Article } from '../../src/reader/article';

export function visibleText(html: string): string {
  const fragment = JSDOM.fragment(`<div>${html}</div>`);
  const root = fragment.firstElementChild as Element;
  for (const el of Array.from(root.querySelectorAll('rt, rp'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('p, div, li, td, th, caption, h1, h2, h3, h4, h5, h6, dt, dd, figcaption, br'))) {
    el.before('\n');
    el.after('\n');
  }
  return (root.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** What the reader shows, in its order: title, byline, the meta list, then the body. */
export function readerText(article: Article): string {
  const meta = article.meta.map(({ label, value }) => `${label}\n${value}`);
  return [article.title, article.byline ?? '', ...meta, visibleText(article.contentHtml)].join('\n');
}
