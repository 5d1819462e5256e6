/**
 * Edits a text-size sheet in place, through the CSSOM. Chromium rebuilds its
 * cascade layers, and then lays out every text of the page again, when a
 * sheet with layers is put before others, has its text rewritten or is
 * removed; appending one, inserting a rule or changing a declaration does
 * not. On the 200,000-element page a rewrite cost ~18 s of layout under load,
 * an insertRule a few ms (bench section 11).
 */
import { type OriginalSize, scaledPx, scaleRule } from './scale-css';

/** The layer block (`@layer <token> { … }`) of one of our sheets (see buildTextScaleCss; unclip's sheet too). */
export function layerBlock(style: HTMLStyleElement): CSSGroupingRule | undefined {
  const rules = style.sheet?.cssRules;
  const last = rules?.[rules.length - 1];
  return last && 'insertRule' in last ? (last as CSSGroupingRule) : undefined;
}

/** Rules for sizes met since the sheet was written. */
export function insertScaleRules(style: HTMLStyleElement, sizes: readonly OriginalSize[], percent: number): void {
  const block = layerBlock(style);
  for (const size of sizes) block?.insertRule(scaleRule(size, percent), block.cssRules.length);
}

/** The selectors of a sheet's rules: `[data-<token>-s1600-n]` for a text-size rule. */
export function ruleSelectors(style: HTMLStyleElement): string[] {
  const rules = layerBlock(style)?.cssRules;
  return rules ? Array.from(rules, (rule) => (rule as CSSStyleRule).selectorText ?? '') : [];
}

/** Every rule at a new percent; sizeOf reads a rule's original size from its pin attribute. */
export function rescaleRules(style: HTMLStyleElement, percent: number, sizeOf: (pin: string) => OriginalSize | undefined): void {
  const rules = layerBlock(style)?.cssRules;
  for (let index = 0; rules && index < rules.length; index++) {
    const { selectorText, style: declarations } = rules[index] as CSSStyleRule;
    const size = sizeOf(selectorText.slice(1, -1));
    if (!size) continue;
    declarations.setProperty('font-size', scaledPx(size.fontSize, percent), 'important');
    if (size.lineHeight !== null) declarations.setProperty('line-height', scaledPx(size.lineHeight, percent), 'important');
  }
}
