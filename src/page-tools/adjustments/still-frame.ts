/**
 * What stop motion shows in place of an image that may move: its first frame
 * drawn on a canvas, or, for an image of another site that the page may not
 * read (a tainted canvas), a box of its size with its alt text and a play sign.
 */
import { placeholderFor } from '../../features/hide-images';

/** Images that may move: by type in the URL (GIF, WebP, APNG); a still one is drawn the same, so a wrong guess costs nothing. */
export const MAYBE_ANIMATED = /\.(gif|webp|apng|png)(\?|#|$)|^data:image\/(gif|webp|apng|png)/i;

/**
 * Images of another site that get the box when they cannot be drawn: GIF and APNG, where nearly all animations
 * are. Not PNG or WebP: most are still pictures, and a box in their place would hide them for nothing.
 */
export const LIKELY_ANIMATED = /\.(gif|apng)(\?|#|$)/i;

/** The first frame of what can be drawn, as a data URL; undefined when the canvas is tainted (an image of another site). */
export function stillOf(image: HTMLImageElement, document: Document): string | undefined {
  try {
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
    return canvas.toDataURL();
  } catch {
    return undefined;
  }
}

/** Pure: a round play sign in the box's lower right corner, as small as the box needs. */
export function playMark(width: number, height: number): string {
  const radius = Math.max(4, Math.min(14, Math.min(width, height) / 2 - 4));
  const x = Math.max(radius, width - radius - 4);
  const y = Math.max(radius, height - radius - 4);
  const s = radius * 0.55;
  return `<g transform="translate(${x} ${y})"><circle r="${radius}" fill="#1a1a1a"/><path d="M${-s * 0.7},${-s}L${s},0L${-s * 0.7},${s}Z" fill="#ffffff"/></g>`;
}

/** Pure: the box shown for an image of another site, at the size it takes on the page. */
export const pausedPlaceholder = (width: number, height: number, alt: string): string =>
  placeholderFor(width, height, alt, playMark(width, height));
