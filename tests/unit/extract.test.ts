/**
 * Reading-mode extraction on the fixture pages (the same files the end-to-end tests serve), on two DOM
 * implementations: jsdom (closest to a browser) and linkedom (fast, and different enough to catch reliance on
 * one implementation's quirks). Extracted text is scored against hand-checked text with the shingle F1 that public
 * extraction benchmarks use.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/reader/article';
import { extractArticle } from '../../src/reader/extract';
import { readerText, visibleText } from '../support/article-text';
import { EXTRACTION_FIXTURES } from '../support/extraction-fixtures';
import { type ShingleScores, shingleScores } from '../support/shingles';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const EXPECTED = new URL('../fixtures/extraction/', import.meta.url);
const ORIGIN = 'http://127.0.0.1';

type Parse = (html: string, url: string) => Document;
const PARSERS: [name: string, parse: Parse][] = [
  ['jsdom', (html, url) => new JSDOM(html, { url }).window.document],
  // linkedom's Document class is its own type, structurally close to lib.dom's but not declared as it.
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
];

const fixture = (name: string) => readFileSync(new URL(`${name}.html`, PAGES), 'utf8');

function contentDom(article: Article): Element {
  return JSDOM.fragment(`<div>${article.contentHtml}</div>`).firstElementChild as Element;
}

const paragraphs = (article: Article) => Array.from(contentDom(article).querySelectorAll('p')).map((p) => visibleText(p.outerHTML));

function extract(parse: Parse, name: string): Article | null {
  const url = `${ORIGIN}/${name}.html`;
  return extractArticle(parse(fixture(name), url), url);
}

function mustExtract(parse: Parse, name: string): Article {
  const article = extract(parse, name);
  if (!article) throw new Error(`${name}: no article`);
  return article;
}

const scores: { parser: string; page: string; scores: ShingleScores }[] = [];

afterAll(() => {
  const rows = scores.map(({ parser, page, scores: s }) => ({
    parser,
    page,
    precision: s.precision.toFixed(3),
    recall: s.recall.toFixed(3),
    f1: s.f1.toFixed(3),
  }));
  console.info('Extraction quality (4-token shingles against tests/fixtures/extraction/*.expected.txt)');
  console.table(rows);
});

describe.each(PARSERS)('extractArticle on %s', (parser, parse) => {
  describe('quality against hand-checked text', () => {
    it.each(EXTRACTION_FIXTURES)('%s: shingle F1 ≥ 0.9', (page) => {
      const expected = readFileSync(new URL(`${page}.expected.txt`, EXPECTED), 'utf8');
      const result = shingleScores(expected, readerText(mustExtract(parse, page)));
      scores.push({ parser, page, scores: result });
      expect(result.f1, JSON.stringify(result)).toBeGreaterThanOrEqual(0.9);
    });
  });

  it('METI release: title, body, date and division, no page furniture', () => {
    const article = mustExtract(parse, 'meti-release');
    expect(article.kind).toBe('article');
    expect(article.title).toBe(
      'Sixth Meeting of the Japan-China Joint IP Working Group and Japan-China Joint Seminar on IPR Enforcement Held',
    );
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.sourceUrl).toBe(`${ORIGIN}/meti-release.html`);

    const texts = paragraphs(article);
    expect(texts[0]).toMatch(/^On December 13, 2017, the Ministry of Economy, Trade and Industry\(METI\)held the Sixth Meeting/);
    expect(texts.at(-1)).toMatch(
      /^In the afternoon of December 14, 2017, METI, the Japan External Trade Organization.*cooperation in IP protection\.$/,
    );

    const body = visibleText(article.contentHtml);
    for (const furniture of [
      'Font Size Change',
      'Skip to main content',
      'Easy Web Browsing',
      'About METI',
      'Page top',
      'All Rights Reserved',
      'Kasumigaseki',
    ]) {
      expect(body).not.toContain(furniture);
    }
    // The breadcrumb repeats the title; the title itself is shown by the reader, not in the body.
    expect(body).not.toContain(
      'Sixth Meeting of the Japan-China Joint IP Working Group and Japan-China Joint Seminar on IPR Enforcement Held',
    );

    expect(article.published).toBe('December 15, 2017');
    expect(article.meta).toContainEqual({
      label: 'Division in Charge',
      value: 'Office for Intellectual Property Right Protection, Manufacturing Industries Bureau',
    });
    expect(article.meta).toContainEqual({ label: 'Release date', value: 'December 15, 2017' });
    // Shown as the meta list, so not repeated as headings in the body and the table of contents.
    expect(body).not.toContain('Division in Charge');
    expect(article.headings.map((h) => h.text)).toEqual([
      '1. Outline of the IP WG',
      'Participating organizations in Japan and China',
      '2. Japan-China Joint Seminar on IPR Enforcement',
    ]);
    expect(article.textLength).toBe(Array.from(body.replace(/\s+/g, ' ')).length);
  });

  it('METI release: headings get stable ids in the body, and references follow them', () => {
    const article = mustExtract(parse, 'meti-release');
    expect(article.headings).toEqual([
      { id: 'easyread-h-1', level: 2, text: '1. Outline of the IP WG' },
      { id: 'easyread-h-2', level: 3, text: 'Participating organizations in Japan and China' },
      { id: 'easyread-h-3', level: 2, text: '2. Japan-China Joint Seminar on IPR Enforcement' },
    ]);
    const dom = contentDom(article);
    for (const { id, text } of article.headings) expect(dom.querySelector(`#${id}`)?.textContent).toBe(text);
    // The page's <section aria-labelledby="participants-title"> now names the renamed heading.
    expect(dom.querySelector('section')?.getAttribute('aria-labelledby')).toBe('easyread-h-2');
    expect(mustExtract(parse, 'meti-release').headings).toEqual(article.headings);
  });

  it('Japanese page: lang, ruby kept with readings, table kept, date and contact', () => {
    const article = mustExtract(parse, 'japanese-gov');
    expect(article.kind).toBe('article');
    expect(article.lang).toBe('ja');
    expect(article.title).toBe('中小企業の省エネルギー設備導入支援事業の公募を開始します');
    expect(article.published).toBe('2024年4月15日');
    expect(article.meta).toEqual([
      {
        label: '担当',
        value: '資源エネルギー庁 省エネルギー・新エネルギー部 省エネルギー課\n担当者：山田、佐藤\n電話：03-3501-1511（内線4541）',
      },
    ]);

    const dom = contentDom(article);
    const rubies = Array.from(dom.querySelectorAll('ruby')).map((ruby) => ruby.outerHTML);
    expect(rubies).toContain('<ruby>経済産業省<rt>けいざいさんぎょうしょう</rt></ruby>');
    expect(rubies).toContain('<ruby>光熱費<rt>こうねつひ</rt></ruby>');
    expect(rubies).toContain('<ruby>申請<rt>しんせい</rt></ruby>');

    const table = dom.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBe('表1　補助の概要');
    expect(table?.querySelectorAll('thead th')).toHaveLength(4);
    expect(table?.querySelectorAll('tbody th[scope="row"]')).toHaveLength(3);
    expect(dom.querySelectorAll('ul li a[type="application/pdf"]')).toHaveLength(4);

    expect(paragraphs(article)[1]).toMatch(/^経済産業省は、中小企業・小規模事業者の皆様が/);
    expect(paragraphs(article).at(-1)).toBe(
      '公募期間中に説明会を全国8か所及びオンラインで開催します。説明会の日程及び参加方法は、事務局のウェブサイトでお知らせします。',
    );
    const body = visibleText(article.contentHtml);
    for (const furniture of ['文字サイズ', '背景色', 'サイト内検索', 'グローバル', '政策について', '〒100-8901'])
      expect(body).not.toContain(furniture);
    expect(article.headings.map((h) => h.text)).toEqual(['1．事業の概要', '2．公募期間', '3．関連資料']);
  });

  it('hostile-css article: figure, blockquote, table, list and ruby survive; the sidebar does not', () => {
    const article = mustExtract(parse, 'hostile-css');
    expect(article.kind).toBe('article');
    expect(article.title).toBe('Longer opening hours at all city libraries from April');
    expect(article.siteName).toBe('Greenfield City Council');
    expect(article.published).toBe('4 March 2024');
    const dom = contentDom(article);
    expect(dom.querySelector('figure img')?.getAttribute('alt')).toBe(
      'Bar chart: weekly opening hours rise from 48 to 66 at the Central Library',
    );
    expect(dom.querySelector('figure figcaption')?.textContent).toBe('Weekly opening hours at the Central Library, 2022 to 2024.');
    expect(dom.querySelector('blockquote')?.textContent).toContain('Libraries are among the few places');
    expect(dom.querySelector('table caption')?.textContent).toBe('Opening hours from 1 April');
    expect(dom.querySelectorAll('ul li')).toHaveLength(3);
    expect(dom.querySelector('ruby')?.outerHTML).toBe('<ruby>春日井<rt>かすがい</rt></ruby>');
    expect(dom.querySelector('a[href$="libraries-budget-2024.html"]')?.getAttribute('href')).toBe(
      `${ORIGIN}/documents/libraries-budget-2024.html`,
    );
    const body = visibleText(article.contentHtml);
    for (const furniture of ['Popular pages', 'Bin collection', 'Contact us', 'Town Hall']) expect(body).not.toContain(furniture);
    expect(article.headings).toHaveLength(3);
  });

  it('press-release index: a fallback view of the list, without navigation, search or footer', () => {
    const article = mustExtract(parse, 'listing-index');
    expect(article.kind).toBe('fallback');
    // Not the site logo, which is an h1 too.
    expect(article.title).toBe('Press Releases');
    expect(article.published).toBeNull();
    const dom = contentDom(article);
    const links = Array.from(dom.querySelectorAll('li a')).map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(24);
    for (const href of links) expect(href).toMatch(new RegExp(`^${ORIGIN}/press/2017/\\d{8}-\\d+\\.html$`));
    expect(dom.querySelector('li')?.textContent).toBe(
      'December 22, 2017 Statistics Results of the Survey on Electronic Commerce Market for FY2016 Compiled',
    );
    expect(paragraphs(article)[0]).toMatch(/^Press releases issued by the Ministry/);
    const body = visibleText(article.contentHtml);
    for (const furniture of ['Home', 'Search', 'Next page', '2015', 'Related links', 'RSS', 'Privacy policy', 'All Rights Reserved'])
      expect(body).not.toContain(furniture);
    expect(dom.querySelector('form, input, button, nav')).toBeNull();
    expect(article.headings.map((h) => h.text)).toEqual(['December 2017', 'November 2017']);
  });

  it('table of PDF files on a page without landmarks or lang: fallback, Japanese detected, contact kept', () => {
    const article = mustExtract(parse, 'pdf-links');
    expect(article.kind).toBe('fallback');
    expect(article.lang).toBe('ja');
    expect(article.title).toBe('工業統計調査 公表資料一覧');
    expect(article.meta).toEqual([
      { label: 'お問い合わせ先', value: '経済産業省 大臣官房調査統計グループ 構造・企業統計室\n電話：03-3501-1511（内線2851）' },
    ]);
    const dom = contentDom(article);
    expect(Array.from(dom.querySelectorAll('table caption')).map((c) => c.textContent)).toEqual(['表1 調査結果の公表資料', '表2 参考資料']);
    const pdfs = Array.from(dom.querySelectorAll('a[href$=".pdf"]')).map((a) => a.getAttribute('href'));
    expect(pdfs).toHaveLength(15);
    expect(pdfs[0]).toBe(`${ORIGIN}/files/kakuho-gaiyo.pdf`);
    expect(dom.querySelector('tbody tr')?.textContent).toBe('2023年工業統計調査 確報 概要版2024年8月30日PDF：1.2MB');
    const body = visibleText(article.contentHtml);
    for (const furniture of ['統計メニュー', '商業動態統計', 'サイトマップ', 'プライバシーポリシー', '代表電話', 'ホーム'])
      expect(body).not.toContain(furniture);
    expect(article.textLength).toBeGreaterThan(500);
  });

  it('a page with only an image and a button has nothing to read', () => {
    expect(extract(parse, 'empty')).toBeNull();
  });

  it.each(['meti-release', 'japanese-gov', 'hostile-css', 'listing-index', 'pdf-links', 'empty'])(
    '%s: the live document is not modified',
    (name) => {
      const url = `${ORIGIN}/${name}.html`;
      const document = parse(fixture(name), url);
      const before = document.documentElement.outerHTML;
      extractArticle(document, url);
      expect(document.documentElement.outerHTML).toBe(before);
    },
  );
});

/** Enough prose for Readability to call it an article. */
const LONG = 'The committee reviewed the progress of the programme and agreed on the next steps for the coming year. '.repeat(4).trim();

function page(body: string, { head = '', html = 'lang="en"', title = 'Test page' } = {}): string {
  return `<!DOCTYPE html><html ${html}><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

describe.each(PARSERS)('extractArticle rules on %s', (_parser, parse) => {
  const url = `${ORIGIN}/news/item.html`;
  const run = (html: string) => extractArticle(parse(html, url), url);
  const must = (html: string): Article => {
    const article = run(html);
    if (!article) throw new Error('no article');
    return article;
  };

  it('keeps ruby that Readability drops as invisible (aria-hidden rb/rt, display:none rt, hidden rp)', () => {
    const article = must(
      page(`<main><h1>Notice</h1>
        <p>${LONG} <ruby><rb aria-hidden="true">東京</rb><rt aria-hidden="true">とうきょう</rt></ruby></p>
        <p>${LONG} <ruby>漢字<rp hidden>(</rp><rt style="display:none">かんじ</rt><rp style="display: none">)</rp></ruby></p></main>`),
    );
    expect(article.contentHtml).toContain('<ruby><rb>東京</rb><rt>とうきょう</rt></ruby>');
    expect(article.contentHtml).toContain('<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>');
  });

  it('reads labelled meta blocks in every common form and leaves them out of the body', () => {
    const article = must(
      page(`<main><h1>Notice about the programme</h1><dl><dt>Date</dt><dd>3 May 2024</dd></dl>
        <p>${LONG}</p><p>${LONG}</p>
        <table><tr><th>担当課</th><td>総務課</td></tr></table>
        <p><strong>Inquiries:</strong> Press Office, tel. 01-2345</p>
        <p>公表日：２０２４年５月３日</p>
        <h3>【お問い合わせ先】</h3><p>広報室<br>電話：03-0000-0000</p></main>`),
    );
    expect(article.meta).toEqual([
      { label: 'Date', value: '3 May 2024' },
      { label: '担当課', value: '総務課' },
      { label: 'Inquiries', value: 'Press Office, tel. 01-2345' },
      { label: '公表日', value: '２０２４年５月３日' },
      { label: 'お問い合わせ先', value: '広報室\n電話：03-0000-0000' },
    ]);
    expect(article.published).toBe('3 May 2024');
    const body = visibleText(article.contentHtml);
    for (const moved of ['総務課', 'Press Office', '広報室', '3 May 2024']) expect(body).not.toContain(moved);
    expect(article.headings).toEqual([]);
  });

  it('leaves a "Date:" inside the running text (when an event takes place) in the text', () => {
    const article = must(page(`<main><h1>Seminar on trade</h1><p>${LONG}</p><p>Date: 15 January 2018, 14:00</p><p>${LONG}</p></main>`));
    expect(article.meta).toEqual([]);
    expect(article.published).toBeNull();
    expect(visibleText(article.contentHtml)).toContain('Date: 15 January 2018, 14:00');
  });

  it('ignores a site-wide contact in a div-only footer, and bylines without a date', () => {
    const article = must(
      page(`<div id="contents"><h1>Notice</h1><p><b>Posted</b> by the press office</p><p>${LONG}</p><p>${LONG}</p></div>
        <div id="footer"><p>お問い合わせ先：経済産業省 代表電話 03-3501-1511</p></div>`),
    );
    expect(article.meta).toEqual([{ label: 'Posted', value: 'by the press office' }]);
    expect(article.published).toBeNull();
  });

  it('does not take a long section under a "Contact" heading for metadata', () => {
    const article = must(page(`<main><h1>How to reach us</h1><p>${LONG}</p><h2>Contact</h2><p>${LONG}</p><p>${LONG}</p></main>`));
    expect(article.meta).toEqual([]);
    expect(article.headings.map((h) => h.text)).toEqual(['Contact']);
  });

  it('dates: a <time> in the text, its datetime when the text is partial, then meta tags; never a listed item’s date', () => {
    const listed = `<ul><li><time datetime="2020-01-01">1 January 2020</time> <a href="/old">Older news</a></li></ul>`;
    expect(
      must(page(`<main><h1>News</h1><p>Posted <time datetime="2024-05-03T10:00">3 May</time></p><p>${LONG}</p></main>`)).published,
    ).toBe('2024-05-03');
    expect(
      must(page(`<main><h1>News</h1><p>${LONG}</p>${listed}</main>`, { head: '<meta name="dcterms.date" content="2019-05-06">' }))
        .published,
    ).toBe('2019-05-06');
    expect(
      must(
        page(`<main><h1>News</h1><p>${LONG}</p></main>`, {
          head: '<meta property="article:published_time" content="2023-01-02T03:04:05Z">',
        }),
      ).published,
    ).toBe('2023-01-02');
    expect(must(page(`<main><h1>News</h1><p>${LONG}</p>${listed}</main>`)).published).toBeNull();
  });

  it('language: detected as Japanese without a lang attribute; direction from dir or an RTL language', () => {
    const japanese = '本事業では、既存の設備を省エネルギー性能の高い設備に更新する場合に、その費用の一部を補助します。'.repeat(5);
    expect(must(page(`<main><h1>お知らせ</h1><p>${japanese}</p></main>`, { html: '' })).lang).toBe('ja');
    expect(must(page(`<main><h1>News</h1><p>${LONG}</p></main>`, { html: '' })).lang).toBe('en');
    const arabic = must(page(`<main><h1>News</h1><p>${LONG}</p></main>`, { html: 'lang="ar"' }));
    expect([arabic.lang, arabic.dir]).toEqual(['ar', 'rtl']);
    expect(must(page(`<main><h1>News</h1><p>${LONG}</p></main>`, { html: 'lang="en" dir="rtl"' })).dir).toBe('rtl');
  });

  it('title without an h1: og:title or <title>, without the site name', () => {
    const body = `<main><p>${LONG}</p><p>${LONG}</p></main>`;
    expect(must(page(body, { title: 'Annual report on the programme | Example Ministry' })).title).toBe('Annual report on the programme');
    expect(must(page(body, { head: '<meta property="og:title" content="Road works on Station Street – Greenfield">' })).title).toBe(
      'Road works on Station Street',
    );
  });

  it('a short real article stays an article; almost no text is null', () => {
    const short = must(
      page(`<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <main><h1>Pool closed on Monday</h1><p>The swimming pool is closed on Monday 6 May for repairs. It reopens on Tuesday at 7:00.</p></main>
        <footer><p>Greenfield City Council</p></footer>`),
    );
    expect(short.kind).toBe('article');
    expect(visibleText(short.contentHtml)).toBe('The swimming pool is closed on Monday 6 May for repairs. It reopens on Tuesday at 7:00.');
    expect(run(page('<main><h1>Loading</h1><p>Please wait…</p></main>'))).toBeNull();
  });

  it('fallback keeps a page wrapped in one big form (ASP.NET style), but drops search forms and controls', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/doc/${i}.pdf">Report number ${i + 1} on regional statistics</a> (PDF, ${i + 1}00 KB)</li>`,
    ).join('');
    const article = must(
      page(`<form id="aspnetForm" action="/default.aspx" method="post"><input type="hidden" name="__VIEWSTATE" value="x">
        <div id="header"><a href="/">Example Ministry</a></div>
        <main><h1>Statistics reports</h1><form role="search" action="/s"><label>Search</label><input name="q"><button>Go</button></form>
        <p>All reports of the survey, newest first.</p><ul>${items}</ul></main></form>`),
    );
    expect(article.kind).toBe('fallback');
    expect(contentDom(article).querySelectorAll('li a[href$=".pdf"]')).toHaveLength(12);
    expect(visibleText(article.contentHtml)).not.toMatch(/Search|Go\b|Example Ministry/);
    expect(article.contentHtml).not.toMatch(/<(form|input|button|label)\b/);
  });

  it('links: absolute against the page or its <base>, in-page links follow renamed headings, javascript: dropped', () => {
    const article = must(
      page(`<main><h1>Guide</h1><p>${LONG} See <a href="#costs">the costs</a>, <a href="#top">the top</a>,
        <a href="files/guide.pdf">the guide</a>, <a href="/about">about us</a> and <a href="javascript:void(0)">this</a>.</p>
        <h2>Background</h2><p>${LONG}</p><h3 id="costs">Costs</h3><p>${LONG}</p><h4>Details</h4><h5>Small print</h5><p>${LONG}</p></main>`),
    );
    const dom = contentDom(article);
    const href = (text: string) =>
      Array.from(dom.querySelectorAll('a'))
        .find((a) => a.textContent === text)
        ?.getAttribute('href');
    expect(href('the costs')).toBe('#easyread-h-2');
    expect(href('the top')).toBe(`${url}#top`);
    expect(href('the guide')).toBe(`${ORIGIN}/news/files/guide.pdf`);
    expect(href('about us')).toBe(`${ORIGIN}/about`);
    expect(article.contentHtml).not.toContain('javascript:');
    expect(visibleText(article.contentHtml)).toContain('and this.');
    expect(article.headings).toEqual([
      { id: 'easyread-h-1', level: 2, text: 'Background' },
      { id: 'easyread-h-2', level: 3, text: 'Costs' },
      { id: 'easyread-h-3', level: 4, text: 'Details' },
    ]);
    expect(dom.querySelector('h5')?.hasAttribute('id')).toBe(false);

    const based = must(
      page(`<main><h1>Guide</h1><p>${LONG} <a href="guide.pdf">guide</a></p></main>`, { head: '<base href="https://example.org/docs/">' }),
    );
    expect(contentDom(based).querySelector('a')?.getAttribute('href')).toBe('https://example.org/docs/guide.pdf');
  });
});
