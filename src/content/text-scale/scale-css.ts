/**
 * Pure part of live-page text scaling: turns "which original sizes exist on
 * this page" plus the chosen percent into one small stylesheet.
 *
 * Each text element carries its ORIGINAL computed size as an attribute
 * (data-easyread-fs="14.5"); one rule per distinct size maps it to the scaled
 * size. Changing the step rewrites only this stylesheet: no DOM walk, so it
 * costs one style recalc and relayout, like the browser's own zoom.
 */
export const FONT_SIZE_ATTRIBUTE = 'data-easyread-fs';
export const LINE_HEIGHT_ATTRIBUTE = 'data-easyread-lh';

/**
 * Three id selectors that never match anything, so our rules outrank site rules
 * such as `#main .article p { font-size: 14px !important }` (specificity 1,1,1).
 */
const SPECIFICITY_BOOST = ':not(#easyread-boost):not(#easyread-boost):not(#easyread-boost)';

/** Sizes are keyed to 1/100 px: finer differences are invisible and would only add rules. */
export function sizeKey(px: number): string {
  return String(Math.round(px * 100) / 100);
}

function scaled(key: string, percent: number): string {
  return `${Math.round(Number(key) * percent) / 100}px`;
}

export function buildTextScaleCss(fontSizeKeys: Iterable<string>, lineHeightKeys: Iterable<string>, percent: number): string {
  const rules: string[] = [];
  for (const key of fontSizeKeys) {
    rules.push(`[${FONT_SIZE_ATTRIBUTE}="${key}"]${SPECIFICITY_BOOST}{font-size:${scaled(key, percent)}!important}`);
  }
  // Line heights given in px (or em resolved to px) must grow with the text, or lines overlap.
  for (const key of lineHeightKeys) {
    rules.push(`[${LINE_HEIGHT_ATTRIBUTE}="${key}"]${SPECIFICITY_BOOST}{line-height:${scaled(key, percent)}!important}`);
  }
  return rules.join('\n');
}
