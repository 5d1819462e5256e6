/**
 * Where unclip writes: one attribute on each relaxed box (its tokens) and one
 * stylesheet of ours per document or shadow root that holds such boxes, with
 * a rule for every token in use. clear() removes all of it.
 */
import { ourMarker } from '../../content/page-names';
import { layerBlock } from '../../content/text-scale/scale-sheet';
import { buildUnclipCss, UNCLIP_ATTRIBUTE, unclipRule } from './unclip-plan';

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

  /** Written whole only when (re)placed; new tokens are inserted as rules (see scale-sheet.ts: a rewrite relays out every text). */
  function placeSheet(root: StyleRoot): void {
    let sheet = sheets.get(root);
    if (!sheet) {
      sheet = document.createElement('style');
      sheet.setAttribute(ourMarker(), 'u');
      sheets.set(root, sheet);
    }
    // Again if the page emptied <html> or the shadow root since.
    if (sheet.isConnected) return;
    sheet.textContent = buildUnclipCss(tokensInUse);
    (root === document ? document.documentElement : root)?.append(sheet);
  }

  function insertRules(tokens: readonly string[]): void {
    for (const sheet of sheets.values()) {
      const block = layerBlock(sheet);
      if (!block) {
        // Its first rules: no layer block yet to insert into (the sheet is new and holds no rule).
        sheet.textContent = buildUnclipCss(tokensInUse);
        continue;
      }
      for (const token of tokens) {
        const rule = unclipRule(token);
        if (rule) block.insertRule(rule, block.cssRules.length);
      }
    }
  }

  return {
    tokensOf: (box) => box.getAttribute(UNCLIP_ATTRIBUTE)?.split(' ').filter(Boolean) ?? [],
    set(box, tokens) {
      box.setAttribute(UNCLIP_ATTRIBUTE, tokens.join(' '));
      const added = tokens.filter((token) => !tokensInUse.has(token));
      for (const token of added) tokensInUse.add(token);
      if (added.length > 0) insertRules(added);
      placeSheet(box.getRootNode() as StyleRoot);
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
