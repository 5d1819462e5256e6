/**
 * The pure steps around Readability (src/reader/extract/boilerplate.ts and restore-dropped.ts): what counts as a
 * share bar, cookie notice, newsletter box or related-stories list, and what does not (article text about the same
 * things, a government page's related documents).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/reader/extract';
import { isCookieNotice, isNewsletterBox, isRelatedLinks, isShareBar, removeBoilerplate } from '../../src/reader/extract/boilerplate';
import { readerText } from '../support/article-text';

const element = (html: string) => JSDOM.fragment(`<div>${html}</div>`).firstElementChild as Element;

describe('boilerplate boxes', () => {
  it('share bars: only ways to share, as links or buttons', () => {
    expect(
      isShareBar(element('<span>Share this article</span> <a href="#">X</a> <a href="#">Facebook</a> <button>Copy link</button>')),
    ).toBe(true);
    expect(isShareBar(element('<a href="#">シェア</a> <a href="#">ツイート</a> <a href="#">はてなブックマーク</a>'))).toBe(true);
    expect(isShareBar(element('<p>Share your views with the council: <a href="#">email us</a>.</p>'))).toBe(false);
    expect(isShareBar(element('<p>Facebook</p>'))).toBe(false);
  });

  it('cookie notices ask for consent with a button; an article paragraph about cookies stays', () => {
    expect(isCookieNotice(element('<p>We use cookies to improve the site.</p><button>Accept all</button>'))).toBe(true);
    expect(isCookieNotice(element('<p>当サイトはクッキーを使用しています。</p><button>同意する</button>'))).toBe(true);
    expect(
      isCookieNotice(element('<p>The new law lets users reject cookies in their browser settings, <a href="#">the ministry says</a>.</p>')),
    ).toBe(false);
  });

  it('newsletter boxes offer a sign-up; a sentence about a newsletter stays', () => {
    expect(isNewsletterBox(element('<p>Get our newsletter every morning. <a href="/n">Sign up here</a></p>'))).toBe(true);
    expect(isNewsletterBox(element('<p>メールマガジン</p><form><input type="email"><button>登録</button></form>'))).toBe(true);
    expect(isNewsletterBox(element('<p>The council newsletter, which 2,000 residents subscribe to, will now appear monthly.</p>'))).toBe(
      false,
    );
  });

  it('related-story lists are links under a "Related" label; related documents of a ministry stay', () => {
    expect(isRelatedLinks(element('<p><strong>Related:</strong> <a href="/a">Night tram trial ends after low demand</a></p>'))).toBe(true);
    expect(isRelatedLinks(element('<h2>関連記事</h2><ul><li><a href="/a">新しい路線バスの時刻表</a></li></ul>'))).toBe(true);
    expect(isRelatedLinks(element('<h2>関連資料</h2><ul><li><a href="/a.pdf">計画書の様式</a></li></ul>'))).toBe(false);
    expect(isRelatedLinks(element('<p>Related: the survey asked 4,000 residents about opening hours in the evening.</p>'))).toBe(false);
  });

  it('a heading of its own followed by a list of links goes with the list; the title is never removed', () => {
    const root = element(
      '<h1>Title: related reading</h1><p>Body text of the article.</p><h2>More from Transport</h2><ul><li><a href="/a">Ferry fares rise</a></li></ul>',
    );
    removeBoilerplate(root, root.querySelector('h1'));
    expect(root.textContent).toBe('Title: related readingBody text of the article.');
  });
});

describe('what Readability drops next to the article comes back', () => {
  const page = (body: string) => {
    const url = 'http://127.0.0.1/a.html';
    const document = new JSDOM(`<!doctype html><html lang="en"><head><title>T</title></head><body>${body}</body></html>`, { url }).window
      .document;
    return readerText(extractArticle(document, url) ?? (null as never));
  };
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the article, long enough to be read as running prose by Readability, with commas, and more words.</p>`,
  ).join('');

  it('the lead in a header Readability removes, and the captioned lead photo', () => {
    const text = page(
      `<div class="entry-header"><h1>Ferries run late</h1><p>The lead of the story says in one sentence what happened and why it matters.</p></div>` +
        `<figure class="lead-media"><img src="/p.jpg" alt=""><figcaption>The ferry at dusk, seen from the pier.</figcaption></figure>` +
        `<div class="story-body">${body}</div>`,
    );
    expect(text).toContain('The lead of the story says in one sentence');
    expect(text).toContain('The ferry at dusk, seen from the pier.');
    expect(text.indexOf('The lead of the story')).toBeLessThan(text.indexOf('Paragraph 1'));
  });

  it('never a link list or a hidden block', () => {
    const text = page(
      `<div class="entry-header"><h1>Ferries run late</h1><p hidden>A hidden sentence that nobody sees on the page at all, not even once.</p>` +
        `<ul><li><a href="/1">Home page of the ferry company</a></li><li><a href="/2">Timetables and fares for all routes</a></li></ul></div>` +
        `<div class="story-body">${body}</div>`,
    );
    expect(text).not.toContain('A hidden sentence');
    expect(text).not.toContain('Timetables and fares');
  });
});
