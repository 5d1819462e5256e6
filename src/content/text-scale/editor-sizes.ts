/**
 * Text the user edits (a contenteditable region, a designMode document) is
 * sized without writing anything into it: an attribute of ours there would be
 * saved or sent with the user's text. Instead each element is described by
 * what the page already wrote (tag, classes, its own inline font size), and one
 * rule per description maps it to the scaled size; what the user types later
 * is made of the same descriptions and matches those rules with no work.
 * Where two elements of one description have different sizes (a <strong> in a
 * heading and in a paragraph) there is no rule: such text inherits its scaled
 * size from its parent.
 */
import { textLayer } from '../page-names';
import { type OriginalSize, scaledPx } from './scale-css';

const MAX_CLASSES = 3;

/** A selector for elements like this one, made only of what the page wrote. */
export function describeEditable(element: Element, escapeIdent: (value: string) => string): string {
  let selector = element.localName;
  for (const name of Array.from(element.classList).slice(0, MAX_CLASSES)) selector += `.${escapeIdent(name)}`;
  const style = element.getAttribute('style');
  if (style && /font/i.test(style)) selector += `[style="${style.replace(/["\\]/g, '\\$&')}"]`;
  return selector;
}

const sameSize = (a: OriginalSize, b: OriginalSize) => a.fontSize === b.fontSize && a.lineHeight === b.lineHeight;

export interface EditorRules {
  /** Whether elements of this description have been measured already. */
  knows(description: string): boolean;
  /** Records a measured element; true when the stylesheet must change. */
  add(description: string, size: OriginalSize): boolean;
  css(percent: number, scope: string): string;
}

export function createEditorRules(): EditorRules {
  /** A size per description; null once two sizes were met. */
  const sizes = new Map<string, OriginalSize | null>();
  return {
    knows: (description) => sizes.has(description),
    add(description, size) {
      const known = sizes.get(description);
      if (known === undefined) {
        sizes.set(description, size);
        return true;
      }
      if (known === null || sameSize(known, size)) return false;
      sizes.set(description, null);
      return true;
    },
    css(percent, scope) {
      const rules: string[] = [];
      for (const [description, size] of sizes) {
        if (!size) continue;
        const lineHeight = size.lineHeight === null ? '' : `;line-height:${scaledPx(size.lineHeight, percent)}!important`;
        rules.push(`${scope} ${description}{font-size:${scaledPx(size.fontSize, percent)}!important${lineHeight}}`);
      }
      return rules.length === 0 ? '' : `@layer ${textLayer()}{\n${rules.join('\n')}\n}`;
    },
  };
}
