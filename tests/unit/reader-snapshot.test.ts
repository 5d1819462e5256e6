/**
 * The snapshot as the reader parses it: event handler attributes gone before
 * parsing, relative URLs anchored to the page and its <base>, "#" links kept
 * in-page, srcset-only images shown, and Readability's own result kept as the
 * last resort. Parsed as the reader parses it: a document whose own URL is not
 * the page's (the reader page's, here an extension URL).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/reader/extract';
import { largestCandidate } from '../../src/reader/extract/content';
import { parseSnapshot } from '../../src/reader/parse-snapshot';
import { prepareForParsing, stripEventHandlers } from '../../src/reader/prepare-for-parsing';

/** A DOMParser in a window whose URL is the reader page's, as in the browser. */
const readerParser = () => new new JSDOM('', { url: 'chrome-extension://abcdef/src/reader/reader.html?open=x' }).window.DOMParser();

const PROSE =
  'The council approved the plan after two years of consultation with residents and local firms. Work begins next spring and takes three years. ';

describe('stripEventHandlers', () => {
  it('removes on* attributes from tags, whatever their case or quoting', () => {
    expect(stripEventHandlers('<p onclick="x()" class="a">Hi <b ONMOUSEOVER=\'y\'>there</b></p>')).toBe('<p class="a">Hi <b>there</b></p>');
    expect(stripEventHandlers('<input disabled onchange=go value="1">')).toBe('<input disabled value="1">');
  });

  it('leaves text that only looks like a handler alone: attribute values, scripts, comments, text', () => {
    expect(stripEventHandlers('<img alt="say onclick=x" src="a.png">')).toBe('<img alt="say onclick=x" src="a.png">');
    expect(stripEventHandlers('<script>var s = "<b onclick=1>";</script>')).toBe('<script>var s = "<b onclick=1>";</script>');
    expect(stripEventHandlers('<!-- <p onclick="c"> -->a < b')).toBe('<!-- <p onclick="c"> -->a < b');
  });
});

describe('parseSnapshot', () => {
  const html = `<html><head><base href="docs/"></head><body><main><article><h1>Plan approved</h1>
    <p onclick="steal()">${PROSE.repeat(3)} <a href="next.html">next</a> <a href="/about.html">about</a>
    <a href="//example.org/x">mirror</a> <a href="#method">method</a></p>
    <img src="img/a.png" alt="a"><img srcset="img/s.png 1x, img/l.png 2x" alt="b">
    <h2 id="method">Method</h2><p>${PROSE.repeat(2)}</p></article></main></body></html>`;
  const page = { html, url: 'https://gov.example/news/plan.html' };

  it('resolves relative URLs against the page and its <base>, not against the reader page', () => {
    const document = parseSnapshot(page, readerParser());
    expect(document.querySelector('base')).toBeNull();
    expect(document.querySelector('[onclick]')).toBeNull();
    const article = extractArticle(document, page.url);
    const content = new JSDOM(`<div>${article?.contentHtml}</div>`).window.document;
    const hrefs = Array.from(content.querySelectorAll('a'), (a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://gov.example/news/docs/next.html',
      'https://gov.example/about.html',
      'https://example.org/x',
      '#easyread-h-1',
    ]);
    const srcs = Array.from(content.querySelectorAll('img'), (img) => img.getAttribute('src'));
    expect(srcs).toEqual(['https://gov.example/news/docs/img/a.png', 'https://gov.example/news/docs/img/l.png']);
  });

  it('takes the largest srcset candidate', () => {
    expect(largestCandidate('a.png 1x, b.png 2x')).toBe('b.png');
    expect(largestCandidate('small.jpg 320w, large.jpg 1280w, mid.jpg 640w')).toBe('large.jpg');
    expect(largestCandidate('only.png')).toBe('only.png');
  });
});

describe('extractArticle keeps what Readability alone finds', () => {
  it('falls back to plain Readability before saying there is nothing to read', () => {
    // Everything sits in a <nav> inside the article: our additions drop navigation, Readability keeps it.
    const html = `<html><body><article><nav><p>${PROSE.repeat(4)}</p><p>${PROSE.repeat(3)}</p></nav></article></body></html>`;
    const url = 'https://gov.example/plan.html';
    const article = extractArticle(parseSnapshot({ html, url }, readerParser()), url);
    expect(article?.textLength ?? 0).toBeGreaterThan(300);
  });
});

describe('the page language', () => {
  const prose = `<main><h1>Plan approved</h1><p>${PROSE.repeat(3)}</p></main>`;
  const langOf = (lang: string) =>
    extractArticle(
      parseSnapshot({ html: `<html lang='${lang}'><body>${prose}</body></html>`, url: 'https://gov.example/' }, readerParser()),
      'https://gov.example/',
    )?.lang;

  it('is canonicalized, or dropped (and detected from the text) when it is not a language tag', () => {
    expect(langOf('EN-us')).toBe('en-US');
    expect(langOf('ja')).toBe('ja');
    expect(langOf('en" onmouseover="alert(1)')).toBe('en');
    expect(langOf('<script>alert(1)</script>')).toBe('en');
  });
});

describe('prepareForParsing', () => {
  it('takes the href out of <base> elements and hands back the first one, decoded', () => {
    const { html, baseHref } = prepareForParsing('<head><base target="_top" href="/docs/?a=1&amp;b=2"><base href="other/"></head>');
    expect(html).toBe('<head><base target="_top"><base></head>');
    expect(baseHref).toBe('/docs/?a=1&b=2');
  });
});
