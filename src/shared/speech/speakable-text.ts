/**
 * Turns the reader's article DOM into one string to split into sentences,
 * plus the map back from string offsets to text nodes, used to highlight the
 * sentence being spoken and to start reading where the user clicked.
 *
 * Kept free of window globals (no Node, NodeFilter, TreeWalker) so it runs
 * on linkedom in unit tests as it does in the browser.
 */

/** One text node's slice of the speakable text: text.slice(start, end) is the node's data. */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

export interface SpeakableText {
  text: string;
  pieces: TextPiece[];
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Never spoken. rt/rp: ruby is read once, as its base text (経済, not
 * 経済けいざい). svg: inline icons carry <title>s like "External link".
 */
const SKIPPED_ELEMENTS = new Set(['rt', 'rp', 'script', 'style', 'template', 'noscript', 'svg']);

/**
 * Elements whose edges end a sentence, so a heading without a full stop never
 * runs into the next paragraph. br counts too: it separates address lines.
 */
const BLOCK_ELEMENTS = new Set([
  ...['p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'address', 'hr', 'br'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'blockquote', 'pre', 'figure', 'figcaption'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  ...['details', 'summary'],
]);

/**
 * Maps to no node. splitSentences treats any line break as a hard boundary;
 * two read as a paragraph break if the text is ever shown or logged.
 */
const BLOCK_SEPARATOR = '\n\n';

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_ELEMENTS.has(element.localName) ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.hasAttribute('data-easyread-skip') ||
    element.hasAttribute('hidden')
  );
}

/**
 * Line breaks inside a text node are source formatting, not sentence ends;
 * swapping them for spaces one for one keeps offsets equal to node offsets.
 */
function normalizeWhitespace(data: string): string {
  return data.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ');
}

class Collector {
  text = '';
  readonly pieces: TextPiece[] = [];
  private breakPending = false;

  addText(node: Text): void {
    const data = normalizeWhitespace(node.data);
    // Whitespace at a block edge is layout, as in CSS; between inline elements it separates words.
    if (data.trim() === '' && (this.breakPending || this.text === '')) return;
    if (this.breakPending && this.text !== '') this.text += BLOCK_SEPARATOR;
    this.breakPending = false;
    this.pieces.push({ node, start: this.text.length, end: this.text.length + data.length });
    this.text += data;
  }

  /** Asks for a separator before the next text, so none lands at the start, the end, or twice in a row. */
  blockEdge(): void {
    this.breakPending = true;
  }

  walk(parent: Node): void {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === TEXT_NODE) this.addText(child as Text);
      else if (child.nodeType === ELEMENT_NODE) this.walkElement(child as Element);
    }
  }

  private walkElement(element: Element): void {
    if (isSkipped(element)) return;
    const block = BLOCK_ELEMENTS.has(element.localName);
    if (block) this.blockEdge();
    this.walk(element);
    if (block) this.blockEdge();
  }
}

/**
 * The text read aloud for `root`'s contents, in document order. `root`
 * itself is not checked for skip markers: the caller chose it.
 */
export function collectSpeakableText(root: Element): SpeakableText {
  const collector = new Collector();
  collector.walk(root);
  return { text: collector.text, pieces: collector.pieces };
}

// ---------------------------------------------------------------------------
// Offsets to DOM positions

/** First index in [0, length) for which `test` holds, given it is false then true; `length` if never. */
function firstIndexWhere(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

export interface TextRangeBounds {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The text nodes and offsets covering [start, end). Ends that fall on a
 * block separator move inwards onto real text. Undefined when no text lies
 * in between.
 */
export function locateRange(pieces: readonly TextPiece[], start: number, end: number): TextRangeBounds | undefined {
  const first = firstIndexWhere(pieces.length, (index) => pieces[index].end > start);
  const last = firstIndexWhere(pieces.length, (index) => pieces[index].start >= end) - 1;
  if (first >= pieces.length || last < 0 || first > last) return undefined;
  const startPiece = pieces[first];
  const endPiece = pieces[last];
  return {
    startNode: startPiece.node,
    startOffset: Math.max(0, start - startPiece.start),
    endNode: endPiece.node,
    endOffset: Math.min(endPiece.end, end) - endPiece.start,
  };
}

/**
 * A DOM Range over text offsets [start, end), e.g. a sentence, for
 * CSS.highlights and scrollIntoView. Collapsed (at the document start) when
 * the offsets cover no text.
 */
export function rangeFor(pieces: readonly TextPiece[], start: number, end: number, document: Pick<Document, 'createRange'>): Range {
  const range = document.createRange();
  const bounds = locateRange(pieces, start, end);
  if (bounds) {
    range.setStart(bounds.startNode, bounds.startOffset);
    range.setEnd(bounds.endNode, bounds.endOffset);
  }
  return range;
}

// ---------------------------------------------------------------------------
// DOM positions to offsets

/**
 * Where to look for the next spoken text: from `node` itself onwards
 * ("from"), or after `node` and everything inside it ("after").
 */
interface SearchStart {
  node: Node;
  mode: 'from' | 'after';
}

/**
 * Turns a caret position (as from caretPositionFromPoint) into a search
 * start. A click on furigana (rt/rp) starts at the ruby's base text.
 */
function searchStart(node: Node, offsetInNode: number): SearchStart {
  const element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  const ruby = element?.closest('rt, rp')?.closest('ruby');
  if (ruby) return { node: ruby, mode: 'from' };
  if (node.nodeType !== ELEMENT_NODE) return { node, mode: 'from' };
  const child = node.childNodes[offsetInNode];
  return child ? { node: child, mode: 'from' } : { node, mode: 'after' };
}

/**
 * The next node in document order, optionally not entering `node`. Walked by
 * hand because compareDocumentPosition is wrong in linkedom, and the walk
 * from a click to the next spoken text is short anyway.
 */
function nextInDocument(node: Node, enter: boolean): Node | null {
  if (enter && node.firstChild) return node.firstChild;
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nextSibling) return current.nextSibling;
  }
  return null;
}

/**
 * The text offset for a DOM position, to start reading where the user
 * clicked. Positions outside spoken text (a skipped element, the gap between
 * paragraphs) map to the next spoken text; past the end, to text.length.
 */
export function offsetAt(pieces: readonly TextPiece[], node: Node, offsetInNode: number): number {
  const byNode = new Map<Node, TextPiece>(pieces.map((piece) => [piece.node, piece]));
  const piece = byNode.get(node);
  if (piece) return piece.start + Math.min(Math.max(0, offsetInNode), piece.end - piece.start);
  const start = searchStart(node, offsetInNode);
  let current = start.mode === 'from' ? start.node : nextInDocument(start.node, false);
  for (; current; current = nextInDocument(current, true)) {
    const next = byNode.get(current);
    if (next) return next.start;
  }
  return pieces.at(-1)?.end ?? 0;
}
