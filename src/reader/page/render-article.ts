/** Puts a (sanitized) article on the reader page: header, facts, contents, body. */
import { t } from '../../shared/i18n';
import { $ } from '../../shared/ui/dom';
import type { Article } from '../article';
import { sanitizeArticleFragment } from '../sanitize';
import { openLinksInTopWindow } from './links';

function renderMeta(article: Article): void {
  const list = $('meta');
  list.replaceChildren();
  for (const { label, value } of article.meta) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  }
  list.hidden = article.meta.length === 0;
}

function renderContents(article: Article): void {
  const toc = $('toc');
  const list = $('toc-list');
  list.replaceChildren();
  for (const heading of article.headings) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${heading.id}`;
    link.textContent = heading.text;
    item.append(link);
    list.append(item);
  }
  // A table of contents earns its place from three headings on.
  toc.hidden = article.headings.length < 3;
}

export function renderArticle(article: Article): void {
  const element = $('article');
  element.lang = article.lang;
  element.dir = article.dir;
  $('site-name').textContent = article.siteName ?? new URL(article.sourceUrl).hostname;
  const title = article.title || article.siteName || new URL(article.sourceUrl).hostname;
  if (article.titleHtml)
    $('article-title').replaceChildren(sanitizeArticleFragment(article.titleHtml, article.sourceUrl, window, document));
  else $('article-title').textContent = title;
  const byline = $('byline');
  // The date often is one of the page's own labelled facts ("Release date"); show it once.
  const dateShownInMeta = article.published !== null && article.meta.some(({ value }) => value.includes(article.published as string));
  const dateInByline = article.published !== null && (article.byline ?? '').includes(article.published);
  byline.textContent = [article.byline, dateShownInMeta || dateInByline ? null : article.published].filter(Boolean).join(' · ');
  byline.hidden = byline.textContent === '';
  renderMeta(article);
  renderContents(article);
  // Page content is untrusted: only DOMPurify's output reaches the DOM.
  $('content').replaceChildren(sanitizeArticleFragment(article.contentHtml, article.sourceUrl, window, document));
  openLinksInTopWindow($('content'));
  const source = document.createElement('a');
  source.href = article.sourceUrl;
  source.rel = 'noopener noreferrer';
  source.target = '_top';
  source.textContent = t('readerSourceLink');
  $('article-footer').replaceChildren(source);
  document.title = `${t('readerTitle')}: ${title}`;
  $('main').setAttribute('aria-label', `${t('readerTitle')}: ${title}`);
  element.hidden = false;
}

export function showNotice(message: string): void {
  const notice = $('notice');
  notice.textContent = message;
  notice.hidden = false;
}
