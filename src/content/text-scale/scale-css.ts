/**
 * Pure part of live-page text scaling: turns "which original sizes exist on
 * this page" plus the chosen percent into small stylesheets.
 *
 * Each text element carries its ORIGINAL computed font size and line height
 * in the NAME of one attribute (data-<token>-s1450-2100 for 14.5px on a 21px
 * line, data-<token>-s1600-n for a "normal" line height; see page-names.ts); one rule per
 * distinct pair maps it to the scaled sizes. Changing the step rewrites only
 * the stylesheet: no DOM walk, so it costs one style recalc and relayout, like
 * the browser's own zoom. The sizes live in the attribute name, not its value,
 * because browsers invalidate styles per attribute name: a rule added for a
 * new size then restyles only the elements of that size, not every pinned one.
 */
import { layerOrder, ourMarker, textLayer } from '../page-names';

const prefix = (): string => `${ourMarker()}-s`;

export interface OriginalSize {
  /** Font size in 1/100 px. */
  fontSize: number;
  /** Line height in 1/100 px; null for `normal`, which already follows the font size. */
  lineHeight: number | null;
}

const hundredths = (px: number) => Math.round(px * 100);

export function originalSize(fontSizePx: number, lineHeight: string): OriginalSize {
  const lineHeightPx = Number.parseFloat(lineHeight);
  return { fontSize: hundredths(fontSizePx), lineHeight: Number.isFinite(lineHeightPx) ? hundredths(lineHeightPx) : null };
}

/** The attribute that pins an element to its original size. */
export function sizeKey({ fontSize, lineHeight }: OriginalSize): string {
  return `${prefix()}${fontSize}-${lineHeight ?? 'n'}`;
}

export function isSizeAttribute(name: string): boolean {
  return name.startsWith(prefix());
}

export function scaledPx(hundredthsOfPx: number, percent: number): string {
  return `${Math.round(hundredthsOfPx * percent) / 10000}px`;
}

/**
 * Our rules sit in a cascade layer with !important: important declarations in
 * a layer beat every unlayered !important rule of the page, whatever its
 * specificity (`#main .article p { font-size: 14px !important }` included).
 * Only an inline `style="…!important"` still wins.
 */
export function buildTextScaleCss(sizes: Iterable<OriginalSize>, percent: number): string {
  const rules: string[] = [];
  for (const size of sizes) {
    // Line heights given in px (or em resolved to px) must grow with the text, or lines overlap.
    const lineHeight = size.lineHeight === null ? '' : `;line-height:${scaledPx(size.lineHeight, percent)}!important`;
    rules.push(`[${sizeKey(size)}]{font-size:${scaledPx(size.fontSize, percent)}!important${lineHeight}}`);
  }
  return rules.length === 0 ? '' : `${layerOrder()}\n@layer ${textLayer()}{\n${rules.join('\n')}\n}`;
}
