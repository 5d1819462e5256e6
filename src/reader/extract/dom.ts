/**
 * Small DOM helpers that work the same on a live page, a cloned Document, jsdom and linkedom.
 * No globals such as Node or HTMLElement (they do not exist in Node tests) and no layout APIs
 * (a cloned document is never rendered, so innerText and getComputedStyle would lie).
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Lower-case tag name. linkedom reports elements created by Readability in upper case, browsers vary for XHTML. */
export function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function elementChildren(el: Element): Element[] {
  return Array.from(el.childNodes).filter(isElement);
}

/** Elements whose text is never read: annotations (rt/rp) count as part of the base text's reading, not as text. */
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'rt', 'rp', 'head', 'title', 'svg', 'math']);

/** Elements that start a new line of text, so "<td>Day</td><td>Central</td>" reads as two words. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export interface TextOptions {
  /** Subtrees to leave out (e.g. page chrome), checked for every element. */
  skip?: (el: Element) => boolean;
}

/**
 * Text a reader would read, with a newline at every block boundary and <br>; ruby readings (rt/rp) left out
 * so "<ruby>省<rt>しょう</rt></ruby>" reads "省". Whitespace inside lines is collapsed, empty lines dropped.
 */
export function readableText(root: Node, options: TextOptions = {}): string {
  if (root.nodeType === TEXT_NODE) return collapseSpace(root.nodeValue ?? '');
  const parts: string[] = [];
  const skip = options.skip;
  // firstChild/nextSibling rather than childNodes: this runs over whole pages, and avoids an array per element.
  const walk = (parent: Node): void => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        parts.push(node.nodeValue ?? '');
        continue;
      }
      if (!isElement(node)) continue;
      const tag = tagOf(node);
      if (SILENT.has(tag) || skip?.(node)) continue;
      if (tag === 'br') {
        parts.push('\n');
      } else if (BLOCKS.has(tag)) {
        parts.push('\n');
        walk(node);
        parts.push('\n');
      } else {
        walk(node);
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => collapseSpace(line))
    .filter(Boolean)
    .join('\n');
}

/** A fast estimate (native textContent, script text included) for comparing the size of large subtrees. */
export function roughTextLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Characters (code points, so a surrogate pair counts once) of text with whitespace collapsed. */
export function charCount(text: string): number {
  return Array.from(collapseSpace(text)).length;
}

export function textLength(root: Node, options?: TextOptions): number {
  return charCount(readableText(root, options));
}

/** Removes `el`, then every ancestor up to (not including) `stop` that is left with nothing to read or see. */
export function removeAndPrune(el: Element, stop: Element): void {
  let parent: Element | null = el.parentElement;
  el.remove();
  while (parent && parent !== stop && isEmptyBlock(parent)) {
    const next: Element | null = parent.parentElement;
    parent.remove();
    parent = next;
  }
}

const MEDIA = 'img, picture, video, audio, table, iframe, object, embed, svg, math, hr';

function isEmptyBlock(el: Element): boolean {
  return readableText(el) === '' && el.querySelector(MEDIA) === null && !el.matches(MEDIA);
}
