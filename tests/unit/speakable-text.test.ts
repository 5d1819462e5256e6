/**
 * Speakable text runs on linkedom here. linkedom has no working Range
 * (setStart/setEnd are missing), so the offset math is tested through
 * locateRange and offsetAt, and rangeFor against a recording stand-in for
 * document.createRange().
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/shared/speech/sentences';
import { collectSpeakableText, locateRange, offsetAt, rangeFor, type TextPiece } from '../../src/shared/speech/speakable-text';

function articleOf(html: string): { document: Document; root: Element } {
  const { document } = parseHTML(`<!doctype html><html><body><article id="root">${html}</article></body></html>`);
  const root = document.getElementById('root');
  if (!root) throw new Error('fixture has no root');
  return { document, root };
}

function speak(html: string) {
  return collectSpeakableText(articleOf(html).root);
}

function textNode(root: Element, selector: string, index = 0): Text {
  const node = root.querySelector(selector)?.childNodes[index];
  if (node?.nodeType !== 3) throw new Error(`no text node at ${selector}[${index}]`);
  return node as Text;
}

describe('collectSpeakableText', () => {
  it('reads ruby once, as its base text', () => {
    expect(speak('<p>この<ruby>経済<rt>けいざい</rt></ruby>政策</p>').text).toBe('この経済政策');
    expect(speak('<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rp>(</rp><rt>じ</rt><rp>)</rp></ruby>を読む。</p>').text).toBe(
      '漢字を読む。',
    );
  });

  it('puts a sentence boundary between blocks, so a heading never runs into a paragraph', () => {
    const { text } = speak('<h2>Overview</h2><p>The plan has two parts.</p><ul><li>Trade</li><li>Energy</li></ul>');
    expect(text).toBe('Overview\n\nThe plan has two parts.\n\nTrade\n\nEnergy');
    expect(splitSentences(text, 'en').map((s) => s.text)).toEqual(['Overview', 'The plan has two parts.', 'Trade', 'Energy']);
  });

  it('separates table cells, definition lists, captions, quotes and pre', () => {
    const html =
      '<table><caption>Contacts</caption><tr><th>Division</th><td>Trade Policy</td></tr></table>' +
      '<dl><dt>Date</dt><dd>December 15</dd></dl><blockquote>Quoted</blockquote>' +
      '<figure><img alt=""><figcaption>Figure 1</figcaption></figure><pre>code</pre><div>Last</div>';
    expect(speak(html).text.split('\n\n')).toEqual([
      'Contacts',
      'Division',
      'Trade Policy',
      'Date',
      'December 15',
      'Quoted',
      'Figure 1',
      'code',
      'Last',
    ]);
  });

  it('keeps inline elements in one sentence', () => {
    expect(speak('<p>Hello <b>wor</b>ld, see <a href="#x">the <em>report</em></a>.</p>').text).toBe('Hello world, see the report.');
  });

  it('treats <br> as a boundary between lines', () => {
    expect(speak('<p>経済産業省<br>通商政策局</p>').text).toBe('経済産業省\n\n通商政策局');
  });

  it('skips script, style, aria-hidden, data-easyread-skip, hidden and svg', () => {
    const html =
      '<p>Start <script>var x = 1;</script><style>p{}</style><span aria-hidden="true">★</span>' +
      '<span data-easyread-skip>(skip me)</span><span hidden>secret</span>' +
      '<svg><title>External link</title></svg><span aria-hidden="false">end</span>.</p>';
    expect(speak(html).text).toBe('Start end.');
  });

  it('turns source line breaks into spaces without changing offsets, and drops whitespace between blocks', () => {
    const { root } = articleOf('\n  <p>Line one\nline two.</p>\n  <p>\tNext</p>\n');
    const { text, pieces } = collectSpeakableText(root);
    expect(text).toBe('Line one line two.\n\n Next');
    expect(pieces.map((piece) => piece.end - piece.start)).toEqual(pieces.map((piece) => piece.node.data.length));
  });

  it('maps every piece to its node and leaves block separators unmapped', () => {
    const { text, pieces } = speak('<h1>Title</h1><p>A <i>b</i> c</p><p>日本<ruby>語<rt>ご</rt></ruby></p>');
    expect(pieces.map((piece) => piece.node.data)).toEqual(['Title', 'A ', 'b', ' c', '日本', '語']);
    let covered = '';
    for (const [i, piece] of pieces.entries()) {
      expect(text.slice(piece.start, piece.end)).toBe(piece.node.data);
      if (i > 0) expect(piece.start).toBeGreaterThanOrEqual(pieces[i - 1].end);
      covered += text.slice(piece.start, piece.end);
    }
    expect(covered).toBe(text.replaceAll('\n', ''));
  });

  it('returns empty text for an empty article', () => {
    expect(speak('<p> </p><div aria-hidden="true">x</div>')).toEqual({ text: '', pieces: [] });
  });
});

describe('locateRange', () => {
  const html =
    '<h2>Press release</h2>' +
    '<p>On December 13, 2017, <strong>the Ministry</strong> held a meeting. This meeting is part of a <a href="#">series</a>.</p>' +
    '<p>「<ruby>経済<rt>けいざい</rt></ruby>産業省は対応する。」と述べた。</p>';

  it('round-trips every sentence: offsets → DOM position → offsets', () => {
    const { text, pieces } = speak(html);
    const sentences = splitSentences(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'Press release',
      'On December 13, 2017, the Ministry held a meeting.',
      'This meeting is part of a series.',
      '「経済産業省は対応する。」と述べた。',
    ]);
    for (const sentence of sentences) {
      const bounds = locateRange(pieces, sentence.start, sentence.end);
      if (!bounds) throw new Error(`no bounds for ${sentence.text}`);
      expect(offsetAt(pieces, bounds.startNode, bounds.startOffset)).toBe(sentence.start);
      expect(offsetAt(pieces, bounds.endNode, bounds.endOffset)).toBe(sentence.end);
      expect(bounds.startNode.data.slice(bounds.startOffset)[0]).toBe(sentence.text[0]);
      expect(bounds.endNode.data.slice(0, bounds.endOffset).at(-1)).toBe(sentence.text.at(-1));
    }
  });

  it('spans inline elements', () => {
    const { root } = articleOf('<p>Hello <b>wor</b>ld.</p>');
    const { text, pieces } = collectSpeakableText(root);
    // From inside "Hello " to inside "ld.".
    expect(text.slice(3, 10)).toBe('lo worl');
    expect(locateRange(pieces, 3, 10)).toEqual({
      startNode: textNode(root, 'p', 0),
      startOffset: 3,
      endNode: textNode(root, 'p', 2),
      endOffset: 1,
    });
  });

  it('moves ends that fall on a block separator onto the neighbouring text', () => {
    const { root } = articleOf('<h2>Title</h2><p>Body</p>');
    const { text, pieces } = collectSpeakableText(root);
    expect(text).toBe('Title\n\nBody');
    expect(locateRange(pieces, 0, 7)).toEqual({
      startNode: textNode(root, 'h2'),
      startOffset: 0,
      endNode: textNode(root, 'h2'),
      endOffset: 5,
    });
    expect(locateRange(pieces, 5, 11)).toEqual({
      startNode: textNode(root, 'p'),
      startOffset: 0,
      endNode: textNode(root, 'p'),
      endOffset: 4,
    });
  });

  it('is undefined when the offsets cover no text', () => {
    const { pieces } = speak('<h2>Title</h2><p>Body</p>');
    expect(locateRange(pieces, 5, 7)).toBeUndefined();
    expect(locateRange(pieces, 11, 20)).toBeUndefined();
    expect(locateRange([], 0, 5)).toBeUndefined();
  });
});

describe('rangeFor', () => {
  /** Records what rangeFor does to the Range, because linkedom's Range cannot set boundaries. */
  function recordingDocument() {
    const calls: [string, Node, number][] = [];
    const range = {
      setStart: (node: Node, offset: number) => calls.push(['setStart', node, offset]),
      setEnd: (node: Node, offset: number) => calls.push(['setEnd', node, offset]),
    };
    // Only the two methods rangeFor calls exist; the cast stands in for a full Range.
    const document = { createRange: () => range as unknown as Range };
    return { document, range, calls };
  }

  it('sets the boundaries found by locateRange', () => {
    const { root } = articleOf('<p>Hello <b>wor</b>ld.</p>');
    const { pieces } = collectSpeakableText(root);
    const { document, range, calls } = recordingDocument();
    expect(rangeFor(pieces, 0, 12, document)).toBe(range);
    expect(calls).toEqual([
      ['setStart', textNode(root, 'p', 0), 0],
      ['setEnd', textNode(root, 'p', 2), 3],
    ]);
  });

  it('leaves the range collapsed when there is no text', () => {
    const { document, calls } = recordingDocument();
    rangeFor([], 0, 4, document);
    expect(calls).toEqual([]);
  });
});

describe('offsetAt', () => {
  const html = '<h2>Title</h2><p>この<ruby>経済<rt>けいざい</rt></ruby>政策<span aria-hidden="true">★</span>は重要。</p><p>Next</p>';

  function fixture() {
    const { root } = articleOf(html);
    const { text, pieces } = collectSpeakableText(root);
    return { root, text, pieces, at: (piece: TextPiece) => piece.start };
  }

  it('maps a caret in spoken text', () => {
    const { root, text, pieces } = fixture();
    expect(text).toBe('Title\n\nこの経済政策は重要。\n\nNext');
    expect(offsetAt(pieces, textNode(root, 'p', 0), 1)).toBe(text.indexOf('の'));
    expect(offsetAt(pieces, textNode(root, 'ruby', 0), 1)).toBe(text.indexOf('済'));
  });

  it('clamps an offset beyond the node', () => {
    const { root, text, pieces } = fixture();
    expect(offsetAt(pieces, textNode(root, 'h2'), 99)).toBe(text.indexOf('\n'));
    expect(offsetAt(pieces, textNode(root, 'h2'), -3)).toBe(0);
  });

  it('starts a click on furigana at its base text', () => {
    const { root, text, pieces } = fixture();
    expect(offsetAt(pieces, textNode(root, 'rt'), 2)).toBe(text.indexOf('経済'));
    const rt = root.querySelector('rt');
    if (!rt) throw new Error('no rt');
    expect(offsetAt(pieces, rt, 0)).toBe(text.indexOf('経済'));
  });

  it('moves from unspoken text to the next spoken text', () => {
    const { root, text, pieces } = fixture();
    expect(offsetAt(pieces, textNode(root, 'span'), 0)).toBe(text.indexOf('は重要'));
  });

  it('maps an element caret (container, child index) to the next spoken text', () => {
    const { root, text, pieces } = fixture();
    const [heading, paragraph, next] = Array.from(root.children);
    expect(offsetAt(pieces, root, 0)).toBe(0);
    expect(offsetAt(pieces, root, 1)).toBe(text.indexOf('この'));
    expect(offsetAt(pieces, paragraph, 1)).toBe(text.indexOf('経済'));
    // Past the last child: whatever follows the element, not what is inside it.
    expect(offsetAt(pieces, heading, heading.childNodes.length)).toBe(text.indexOf('この'));
    expect(offsetAt(pieces, next, 0)).toBe(text.indexOf('Next'));
  });

  it('maps a caret after all spoken text to the end', () => {
    const { root, text, pieces } = fixture();
    expect(offsetAt(pieces, root, root.childNodes.length)).toBe(text.length);
    expect(offsetAt([], root, 0)).toBe(0);
  });
});
