/**
 * Pure part of live-page text scaling: turns "which original sizes exist on
 * this page" plus the chosen percent into small stylesheets.
 *
 * Each text element carries its ORIGINAL computed size in the NAME of an
 * attribute (data-easyread-fs-1450 for 14.5px); one rule per distinct size
 * maps it to the scaled size. Changing the step rewrites only the stylesheet:
 * no DOM walk, so it costs one style recalc and relayout, like the browser's
 * own zoom. The size lives in the attribute name, not its value, because
 * browsers invalidate styles per attribute name: a rule added for a new size
 * then restyles only the elements of that size, not every pinned element.
 */
const FONT_SIZE_PREFIX = 'data-easyread-fs-';
const LINE_HEIGHT_PREFIX = 'data-easyread-lh-';

export type SizeKind = 'font-size' | 'line-height';

/** Sizes are kept to 1/100 px: finer differences are invisible and would only add rules. */
export function sizeToken(px: number): string {
  return String(Math.round(px * 100));
}

export function sizeAttribute(kind: SizeKind, token: string): string {
  return `${kind === 'font-size' ? FONT_SIZE_PREFIX : LINE_HEIGHT_PREFIX}${token}`;
}

export function isSizeAttribute(name: string): boolean {
  return name.startsWith(FONT_SIZE_PREFIX) || name.startsWith(LINE_HEIGHT_PREFIX);
}

function scaled(token: string, percent: number): string {
  return `${Math.round(Number(token) * percent) / 10000}px`;
}

/**
 * Our rules sit in a cascade layer with !important: important declarations in
 * a layer beat every unlayered !important rule of the page, whatever its
 * specificity (`#main .article p { font-size: 14px !important }` included).
 * Only an inline `style="…!important"` still wins.
 */
export function buildTextScaleCss(fontSizeTokens: Iterable<string>, lineHeightTokens: Iterable<string>, percent: number): string {
  const rules: string[] = [];
  for (const token of fontSizeTokens) rules.push(`[${sizeAttribute('font-size', token)}]{font-size:${scaled(token, percent)}!important}`);
  // Line heights given in px (or em resolved to px) must grow with the text, or lines overlap.
  for (const token of lineHeightTokens)
    rules.push(`[${sizeAttribute('line-height', token)}]{line-height:${scaled(token, percent)}!important}`);
  return rules.length === 0 ? '' : `@layer easyread{\n${rules.join('\n')}\n}`;
}
