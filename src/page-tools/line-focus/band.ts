/**
 * Pure geometry of the reading ruler: where the clear band sits in the
 * viewport for the line the user is reading. Everything above and below it
 * is dimmed.
 */

export interface Band {
  /** Viewport y of the band's top edge, in CSS px. */
  top: number;
  height: number;
}

/** Never thinner than a finger-sized target, never taller than a short paragraph. */
export const MIN_BAND_HEIGHT = 28;
export const MAX_BAND_HEIGHT = 240;

/**
 * The line being read and a sliver of the gaps around it: at 1.25 line
 * heights the band's edges fall in the half-leading of ordinary text
 * (line-height 1.5), so they never cut through the letters of this line or
 * the next.
 */
const LINES_IN_BAND = 1.25;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The band centred on `centreY`, kept inside a viewport of `viewportHeight`. */
export function bandAround(centreY: number, lineHeight: number, viewportHeight: number): Band {
  const height = Math.round(clamp(lineHeight * LINES_IN_BAND, MIN_BAND_HEIGHT, Math.min(MAX_BAND_HEIGHT, viewportHeight)));
  const top = Math.round(clamp(centreY - height / 2, 0, Math.max(0, viewportHeight - height)));
  return { top, height };
}

/**
 * Used line height in px from computed values: `line-height: normal` computes
 * to "normal", which browsers draw at about 1.2 × the font size.
 */
export function lineHeightOf(style: { lineHeight: string; fontSize: string }): number {
  const line = Number.parseFloat(style.lineHeight);
  if (Number.isFinite(line) && line > 0) return line;
  const size = Number.parseFloat(style.fontSize);
  return Number.isFinite(size) && size > 0 ? size * 1.2 : 20;
}

/**
 * Where to centre the band on a box the keyboard moved to (a focused link, a
 * caret): its middle when it is a line or two, its first line when it is a
 * big box (a whole text area, a card), which is where reading starts.
 */
export function readingLineOf(box: { top: number; height: number }, lineHeight: number): number {
  return box.height <= lineHeight * 2.5 ? box.top + box.height / 2 : box.top + lineHeight / 2;
}
