/**
 * Hide images: content images show their alt text (or, without one, a
 * neutral box) in a box of the image's own size, so nothing on the page
 * moves; background images and video posters go. Images that are controls
 * (an icon inside a button or a link) stay, or the control loses its meaning.
 * Screen readers hear what they heard before: the alt attribute is not touched.
 */
import { claim, pageValue, release } from '../page-tools/adjustments/attribute-claims';
import { defineFeature, type FeaturePresets, type PageContext, switchField, type ValuesOf } from '../shared/features/feature';

export const feature = defineFeature({
  order: 90,
  fields: { pageHideImages: switchField() },
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

/** Where an image is a control's icon, and stays. */
const CONTROL = 'a, button, [role="button"], [role="link"], summary, label';

export function css({ pageHideImages }: Values): string {
  return pageHideImages ? `body :not(${CONTROL}, :is(${CONTROL}) *){background-image:none!important}` : '';
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Pure: a box of the image's size with its alt text, wrapped, as an SVG data URL (no request, nothing to load);
 * `mark` is SVG drawn over it (stop motion's play sign).
 */
export function placeholderFor(width: number, height: number, alt: string, mark = ''): string {
  const text = alt.trim()
    ? `<foreignObject x="4" y="4" width="${Math.max(width - 8, 0)}" height="${Math.max(height - 8, 0)}"><div xmlns="http://www.w3.org/1999/xhtml" style="font:14px/1.3 system-ui,sans-serif;color:#1a1a1a;overflow:hidden;overflow-wrap:anywhere;height:100%">${escapeXml(alt.trim())}</div></foreignObject>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#f2f2f2" stroke="#8a8a8a" stroke-dasharray="4 3"/>${text}${mark}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function start({ pageHideImages }: Values, signal: AbortSignal, { document }: PageContext): void {
  if (!pageHideImages) return;
  // Claimed, not written: stop motion may show a still frame in the same src (attribute-claims.ts).
  const hidden = new Set<HTMLElement>();
  const hide = (element: HTMLElement, values: Record<string, string>) => {
    hidden.add(element);
    claim(element, 'hidden', values);
  };
  const hideImage = (image: HTMLImageElement) => {
    if (hidden.has(image) || image.closest(CONTROL)) return;
    const { width, height } = image;
    if (width === 0 || height === 0) return; // not laid out yet (or invisible): its load comes later
    const placeholder = placeholderFor(width, height, image.alt);
    hide(image, pageValue(image, 'srcset') === null ? { src: placeholder } : { srcset: placeholder, src: placeholder });
  };
  const sweep = () => {
    for (const image of document.images) if (image.complete) hideImage(image);
    for (const video of document.querySelectorAll('video[poster]')) {
      if (video instanceof HTMLVideoElement && !hidden.has(video))
        hide(video, { poster: placeholderFor(video.width || 300, video.height || 150, '') });
    }
  };
  // Images are laid out once loaded: each is swapped as it arrives (load does not bubble, capture sees it).
  document.addEventListener('load', (event) => event.target instanceof HTMLImageElement && hideImage(event.target), {
    capture: true,
    signal,
  });
  sweep();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sweep, { once: true, signal });
  signal.addEventListener('abort', () => {
    for (const element of hidden) release(element, 'hidden');
    hidden.clear();
  });
}
