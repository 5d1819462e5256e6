/**
 * The detector of a site's own text-size / colour buttons, on the project's
 * fixtures and on small snippets, in two DOM implementations (jsdom and
 * linkedom), plus the rule that lets the popup hand it to executeScript:
 * its source text must stand alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectSiteControls } from '../../src/shared/site-controls-detect';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/pages', name), 'utf8');

const parsers: [string, (html: string) => Document][] = [
  ['jsdom', (html) => new JSDOM(html).window.document],
  // linkedom's Document class is its own type, structurally close to lib.dom's but not declared as it.
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
];

const page = (body: string) => `<!doctype html><html lang="ja"><head><title>t</title></head><body>${body}</body></html>`;

describe.each(parsers)('detectSiteControls (%s)', (_name, parse) => {
  const detect = (html: string) => detectSiteControls(parse(html));

  it.each([
    ['meti-release.html', { textSize: true, colours: false }],
    ['japanese-gov.html', { textSize: true, colours: true }],
    ['px-only.html', { textSize: false, colours: false }],
    ['rem-em.html', { textSize: false, colours: false }],
    ['listing-index.html', { textSize: false, colours: false }],
    ['icons-and-forms.html', { textSize: false, colours: false }],
  ])('%s', (name, expected) => {
    expect(detect(fixture(name))).toEqual(expected);
  });

  it.each([
    ['aria-label', '<button aria-label="Increase text size">+</button>'],
    ['link text', '<a href="#">Font Size</a>'],
    ['A+ / A- buttons', '<button>A-</button><button>A+</button>'],
    ['image alt text', '<a href="#"><img src="x.png" alt="文字サイズを拡大"></a>'],
    ['labelled radio', '<fieldset><legend>文字の大きさ</legend><label><input type="radio" name="f"> 大</label></fieldset>'],
    ['bare 大 中 小 in a 文字 widget', '<dl><dt>文字</dt><dd><ul><li><a href="#">大</a></li><li><a href="#">中</a></li></ul></dd></dl>'],
    ['input button', '<div>Text <input type="button" value="Larger"></div>'],
  ])('finds text-size controls: %s', (_label, html) => {
    expect(detect(page(html))).toEqual({ textSize: true, colours: false });
  });

  it.each([
    ['背景色 group', '<div role="group" aria-labelledby="l"><span id="l">背景色</span><button>白</button><button>黒</button></div>'],
    ['colour scheme link', '<a href="#">Colour scheme</a>'],
    ['high contrast button', '<button type="button">High contrast</button>'],
    ['色の変更 image', '<button><img src="c.png" alt="色の変更"></button>'],
    ['[role=button] in a 文字色 widget', '<p>文字色 <span role="button">黒</span> <span role="button">青</span></p>'],
  ])('finds colour controls: %s', (_label, html) => {
    expect(detect(page(html))).toEqual({ textSize: false, colours: true });
  });

  it.each([
    ['a 大阪 heading and a "Large print guide" link', '<h1>大阪の観光案内</h1><p><a href="#">Large print guide</a></p>'],
    ['bare 大 / 小 links without 文字 context', '<nav><a href="#">大</a> <a href="#">小</a></nav>'],
    ['bare 白 / 黒 without 色 context', '<ul><li><a href="#">白</a></li><li><a href="#">黒</a></li></ul>'],
    ['text size mentioned in prose, not a control', '<p>Use your browser to change the font size and background colour.</p>'],
    ['standard / large in a shop', '<div role="group" aria-label="Pizza"><button>Standard</button><button>Large</button></div>'],
    ['a colour picker labelled 文字色 does not count as text size', '<div aria-label="文字色"><button>標準</button></div>'],
  ])('ignores %s', (label, html) => {
    const expected = label.includes('文字色') ? { textSize: false, colours: true } : { textSize: false, colours: false };
    expect(detect(page(html))).toEqual(expected);
  });
});

describe('detectSiteControls as an executeScript func', () => {
  it('runs from its source text alone, on the global document', () => {
    const { window } = new JSDOM(fixture('japanese-gov.html'), { runScripts: 'outside-only' });
    // What executeScript does: the function's text, evaluated in the page, called without arguments.
    const rebuilt = window.eval(`(${detectSiteControls.toString()})`) as () => unknown;
    expect(rebuilt()).toEqual({ textSize: true, colours: true });
  });

  it('refers to nothing outside its own body', () => {
    const source = detectSiteControls.toString();
    expect(source).not.toMatch(/\bimport\b|\brequire\(|__vite|__name/);
  });
});
