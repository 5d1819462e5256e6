/**
 * Stop motion's images: each image that may move shows a still frame (or,
 * from another site, a box with its alt text and a play sign) until the user
 * plays it with a click, or with Enter or Space: while still, an image that
 * is not focusable already becomes a tab stop with a hint for screen readers,
 * so keyboard users have the same way. Everything is claimed through
 * attribute-claims.ts, so hide images can show its box in the same src and
 * either can go first; the page's attributes come back exactly.
 */
import { claim, claimedByOther, pageValue, release } from './attribute-claims';
import { LIKELY_ANIMATED, MAYBE_ANIMATED, pausedPlaceholder, stillOf } from './still-frame';

export interface StillImages {
  /** Freezes an image that may move (now, or once it has loaded). */
  freeze(image: HTMLImageElement): void;
}

export function stillImages(document: Document, signal: AbortSignal, hint: string): StillImages {
  const still = new Set<HTMLImageElement>();
  /** Images the user chose to play: not frozen again when their own source loads back. */
  const played = new WeakSet<HTMLImageElement>();
  /** Every image we claimed something on (played ones may keep their tab stop until focus leaves). */
  const touched = new Set<HTMLImageElement>();

  const show = (image: HTMLImageElement, picture: string) => {
    touched.add(image);
    claim(image, 'still', {
      ...(pageValue(image, 'srcset') === null ? {} : { srcset: picture }),
      src: picture,
      // A tab stop only where the page has none of its own (a tabindex the page set, even -1, is its choice).
      ...(pageValue(image, 'tabindex') === null ? { tabindex: '0' } : {}),
      'aria-description': hint,
    });
  };

  const freeze = (image: HTMLImageElement) => {
    if (still.has(image) || played.has(image) || claimedByOther(image, 'still')) return;
    if (!MAYBE_ANIMATED.test(image.currentSrc || image.src)) return;
    if (!image.complete || image.naturalWidth === 0) return; // its load comes later, and the load listener freezes it
    const frame = stillOf(image, document);
    if (!frame && !LIKELY_ANIMATED.test(image.currentSrc)) return;
    still.add(image);
    if (frame) return show(image, frame);
    // Another site's image: a box (not fetched again with CORS, a request that would tell its host about us).
    show(image, pausedPlaceholder(image.width || image.naturalWidth, image.height || image.naturalHeight, image.alt));
  };

  const play = (image: HTMLImageElement) => {
    still.delete(image);
    played.add(image);
    if (image.ownerDocument.activeElement !== image || pageValue(image, 'tabindex') !== null) return release(image, 'still');
    // Focus stays where the user is: the tab stop goes only when focus leaves it (taking it away now would drop focus to the page's start).
    claim(image, 'still', { tabindex: '0' });
    image.addEventListener('blur', () => release(image, 'still'), { once: true, signal });
  };

  // Images load one by one as the page is parsed: each is frozen as it arrives (load does not bubble, capture sees it).
  document.addEventListener('load', (event) => event.target instanceof HTMLImageElement && freeze(event.target), { capture: true, signal });

  const playFrom = (event: Event) => {
    const image = event.target;
    if (!(image instanceof HTMLImageElement) || !still.has(image)) return;
    // The press plays the image and goes no further: inside a link it does not follow the link, as a click on
    // the still image does not; the link itself stays one Tab before and follows as always.
    event.preventDefault();
    event.stopPropagation();
    play(image);
  };
  document.addEventListener('click', playFrom, { capture: true, signal });
  document.addEventListener('keydown', (event) => (event.key === 'Enter' || event.key === ' ') && playFrom(event), {
    capture: true,
    signal,
  });

  signal.addEventListener('abort', () => {
    for (const image of touched) release(image, 'still');
    touched.clear();
    still.clear();
  });
  return { freeze };
}
