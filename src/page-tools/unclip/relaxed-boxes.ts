/**
 * Where unclip writes: one attribute on each relaxed box (its tokens) and one
 * stylesheet of ours per document or shadow root that holds such boxes, with
 * a rule for every token in use. clear() removes all of it.
 */
import { ourMarker } from '../../content/page-names';
import { buildUnclipCss, UNCLIP_ATTRIBUTE } from './unclip-plan';

type StyleRoot = Document | ShadowRoot;

export interface RelaxedBoxes {
  tokensOf(box: Element): string[];
  set(box: Element, tokens: readonly string[]): void;
  /** Relaxed boxes at or inside scope. */
  within(scope: Element): Element[];
  /** Takes the tokens off all of boxes for one read, keeping them only where keep(box) says so. */
  review(boxes: readonly Element[], keep: (box: Element) => boolean): void;
  clear(): void;
}

export function createRelaxedBoxes(document: Document): RelaxedBoxes {
  const sheets = new Map<StyleRoot, HTMLStyleElement>();
  const tokensInUse = new Set<string>();

  function sheetFor(root: StyleRoot): HTMLStyleElement {
    let sheet = sheets.get(root);
    if (!sheet) {
      sheet = document.createElement('style');
      sheet.setAttribute(ourMarker(), 'u');
      sheet.textContent = buildUnclipCss(tokensInUse);
      sheets.set(root, sheet);
    }
    // Again if the page emptied <html> or the shadow root since.
    if (!sheet.isConnected) (root === document ? document.documentElement : root)?.append(sheet);
    return sheet;
  }

  return {
    tokensOf: (box) => box.getAttribute(UNCLIP_ATTRIBUTE)?.split(' ').filter(Boolean) ?? [],
    set(box, tokens) {
      box.setAttribute(UNCLIP_ATTRIBUTE, tokens.join(' '));
      sheetFor(box.getRootNode() as StyleRoot);
      const before = tokensInUse.size;
      for (const token of tokens) tokensInUse.add(token);
      if (tokensInUse.size === before) return;
      const css = buildUnclipCss(tokensInUse);
      for (const sheet of sheets.values()) sheet.textContent = css;
    },
    within(scope) {
      if (sheets.size === 0) return [];
      const inside = Array.from(scope.querySelectorAll(`[${UNCLIP_ATTRIBUTE}]`));
      return scope.hasAttribute(UNCLIP_ATTRIBUTE) ? [scope, ...inside] : inside;
    },
    review(boxes, keep) {
      const tokens = boxes.map((box) => box.getAttribute(UNCLIP_ATTRIBUTE));
      for (const box of boxes) box.removeAttribute(UNCLIP_ATTRIBUTE);
      const kept = boxes.map(keep);
      boxes.forEach((box, i) => {
        const value = tokens[i];
        if (kept[i] && value !== null) box.setAttribute(UNCLIP_ATTRIBUTE, value);
      });
    },
    clear() {
      for (const [root, sheet] of sheets) {
        // By query, not a list of ours: the page may have cloned a relaxed box.
        for (const box of root.querySelectorAll(`[${UNCLIP_ATTRIBUTE}]`)) box.removeAttribute(UNCLIP_ATTRIBUTE);
        sheet.remove();
      }
      sheets.clear();
      tokensInUse.clear();
    },
  };
}
