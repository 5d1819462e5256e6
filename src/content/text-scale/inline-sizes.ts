/**
 * Text whose size is set inline with !important (`style="font-size:10px
 * !important"`, or a `font:` shorthand with it) beats every stylesheet rule,
 * ours included. Those few elements get the scaled size written into their
 * own style attribute, and the attribute exactly as the page wrote it back on
 * reset.
 */
import { type OriginalSize, scaledPx } from './scale-css';

export interface InlineSizes {
  /** Scales `element` if its inline size is !important. */
  apply(element: Element, size: OriginalSize, percent: number): void;
  /** Whether the element's style attribute is as we last wrote it (the mutation is ours). */
  wroteLast(element: Element): boolean;
  /** Gives an element its own sizes back (to measure it, or for good); returns the size it was scaled from, if it was. */
  lift(element: Element): OriginalSize | undefined;
  rescale(percent: number): void;
  restoreAll(): void;
}

interface Original {
  attribute: string;
  /** The page's own inline values, and the scaled ones we last wrote in their place. */
  fontSize: string;
  lineHeight: string;
  scaledFontSize: string;
  scaledLineHeight: string;
  size: OriginalSize;
}

const isImportant = (style: CSSStyleDeclaration, property: string) => style.getPropertyPriority(property) === 'important';

export function createInlineSizes(): InlineSizes {
  const originals = new Map<Element, Original>();
  const written = new WeakMap<Element, string | null>();

  function write(element: HTMLElement, original: Original, percent: number): void {
    const { size, lineHeight } = original;
    original.scaledFontSize = scaledPx(size.fontSize, percent);
    element.style.setProperty('font-size', original.scaledFontSize, 'important');
    if (size.lineHeight !== null && lineHeight) {
      original.scaledLineHeight = scaledPx(size.lineHeight, percent);
      element.style.setProperty('line-height', original.scaledLineHeight, 'important');
    }
    written.set(element, element.getAttribute('style'));
  }

  /** Puts the page's value back where the property still holds ours. */
  function putBack(style: CSSStyleDeclaration, property: string, ours: string, theirs: string): void {
    if (theirs && style.getPropertyValue(property) === ours) style.setProperty(property, theirs, 'important');
  }

  function lift(element: Element): OriginalSize | undefined {
    const original = originals.get(element);
    if (!original) return undefined;
    originals.delete(element);
    const { style } = element as HTMLElement;
    if (element.getAttribute('style') === written.get(element)) {
      element.setAttribute('style', original.attribute);
    } else {
      // The page edited the attribute after us (say el.style.color = …): keep its edit, take back only the sizes that are still ours.
      putBack(style, 'font-size', original.scaledFontSize, original.fontSize);
      putBack(style, 'line-height', original.scaledLineHeight, original.lineHeight);
    }
    written.set(element, element.getAttribute('style'));
    return original.size;
  }

  return {
    apply(element, size, percent) {
      // Most elements have no style attribute: decide from the text before asking for a style object.
      const attribute = element.getAttribute('style');
      if (!attribute || !/important/i.test(attribute)) return;
      const style = (element as HTMLElement).style;
      if (!style || !isImportant(style, 'font-size')) return;
      const original: Original = {
        attribute,
        fontSize: style.getPropertyValue('font-size'),
        lineHeight: isImportant(style, 'line-height') ? style.getPropertyValue('line-height') : '',
        scaledFontSize: '',
        scaledLineHeight: '',
        size,
      };
      originals.set(element, original);
      write(element as HTMLElement, original, percent);
    },
    wroteLast: (element) => written.has(element) && written.get(element) === element.getAttribute('style'),
    lift,
    rescale(percent) {
      for (const [element, original] of originals) write(element as HTMLElement, original, percent);
    },
    restoreAll() {
      for (const element of [...originals.keys()]) lift(element);
    },
  };
}
