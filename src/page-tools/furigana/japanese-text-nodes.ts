/**
 * Finds the page's text that may get furigana: text nodes with kanji, outside what must stay as
 * it is (form fields, editable regions, code, scripts and styles, SVG and MathML, existing
 * ruby, our own wrappers) and outside text marked as another language that writes with
 * Chinese characters (zh, ko).
 */
import { hostName } from '../../content/page-names';
import { KANJI } from '../../shared/furigana/furigana-level';

/** Our wrapper's element name: the page's token (src/content/page-names.ts), never the extension's name. */
export const wrapperTag = (): string => hostName('f');

const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'RUBY',
  'RT',
  'RP',
  'IFRAME',
  'CANVAS',
]);
const HTML = 'http://www.w3.org/1999/xhtml';
const OTHER_HAN_LANGUAGE = /^(zh|ko|yue|cmn|lzh)(-|$)/i;

function skips(element: Element): boolean {
  if (element.namespaceURI !== HTML || SKIPPED.has(element.tagName) || element.localName === wrapperTag()) return true;
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  const lang = element.getAttribute('lang');
  return lang !== null && OTHER_HAN_LANGUAGE.test(lang);
}

/** Whether a node is inside something skipped (for content that arrives later). */
export function isInsideSkipped(node: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (skips(element)) return true;
    // The closest lang decides: Japanese inside a Chinese page is still Japanese.
    if (element.hasAttribute('lang')) return false;
  }
  return false;
}

/** A walk through a subtree, giving its kanji text nodes a few at a time (undefined at the end). */
export function walkJapaneseText(root: Node): (limit: number) => Text[] | undefined {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE
        ? skips(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
  let done = false;
  return (limit) => {
    if (done) return undefined;
    const found: Text[] = [];
    for (let steps = 0; steps < limit; steps++) {
      const node = walker.nextNode();
      if (!node) {
        done = true;
        break;
      }
      if (KANJI.test((node as Text).data)) found.push(node as Text);
    }
    return found;
  };
}
