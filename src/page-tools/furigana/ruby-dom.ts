/**
 * Puts ruby into the page and takes it out again exactly. Each annotated text node is replaced
 * by one wrapper of ours holding the same text with <ruby> over the words that get a reading;
 * turning furigana off puts the very same text node back, so the page's DOM is as it was.
 */
import type { RubySegment } from '../../shared/furigana/ruby-segments';
import { wrapperTag } from './japanese-text-nodes';

export interface RubyDom {
  /** Replaces the text node with its ruby, if it is still in the page with the text that was analyzed. */
  annotate(text: Text, analyzed: string, segments: readonly RubySegment[]): void;
  isOurs(node: Node): boolean;
  removeAll(): void;
}

export function createRubyDom(): RubyDom {
  const originals = new Map<Element, Text>();

  function build(document: Document, segments: readonly RubySegment[]): Element {
    const wrapper = document.createElement(wrapperTag());
    for (const segment of segments) {
      if (typeof segment === 'string') {
        wrapper.append(segment);
        continue;
      }
      const ruby = document.createElement('ruby');
      const reading = document.createElement('rt');
      reading.textContent = segment.reading;
      ruby.append(segment.base, reading);
      wrapper.append(ruby);
    }
    return wrapper;
  }

  return {
    annotate(text, analyzed, segments) {
      if (!text.isConnected || text.data !== analyzed || !segments.some((segment) => typeof segment !== 'string')) return;
      const wrapper = build(text.ownerDocument, segments);
      text.replaceWith(wrapper);
      originals.set(wrapper, text);
    },
    isOurs(node) {
      return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === wrapperTag();
    },
    removeAll() {
      for (const [wrapper, text] of originals) {
        if (wrapper.parentNode) wrapper.replaceWith(text);
      }
      originals.clear();
    },
  };
}
