/**
 * Stop motion (WCAG 2.2.2, and the Digital Agency guidebook's advice on
 * moving content): CSS animations end at once in the state they lead to and
 * transitions jump, smooth scrolling is off, autoplaying media pause (the
 * page's own play control still works: a play the user asked for, with user
 * activation, is let through), animated images show a still frame until the
 * user clicks one to play it, and <marquee> stops. Off: everything resumes.
 */
import { defineFeature, type FeaturePresets, type PageContext, switchField, type ValuesOf } from '../shared/features/feature';

export const feature = defineFeature({
  order: 80,
  fields: { pageStopMotion: switchField() },
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

/**
 * A zero-length single run ends an animation in the state it leads to (kept
 * when its fill mode says so, as a fade-in that must end visible), and an
 * infinite spinner stops where it began.
 */
export function css({ pageStopMotion }: Values): string {
  if (!pageStopMotion) return '';
  return [
    '*,*::before,*::after{animation-duration:0s!important;animation-delay:0s!important;animation-iteration-count:1!important;transition-duration:0s!important;transition-delay:0s!important;scroll-behavior:auto!important}',
    ':root{scroll-behavior:auto!important}',
  ].join('\n');
}

/** Images that may move: by type in the URL (GIF, WebP, APNG); a still one is drawn the same, so a wrong guess costs nothing. */
const MAYBE_ANIMATED = /\.(gif|webp|apng|png)(\?|#|$)|^data:image\/(gif|webp|apng|png)/i;

/** The first frame we can draw, as a data URL; undefined for images of other sites (a tainted canvas cannot be read). */
function stillOf(image: HTMLImageElement): string | undefined {
  try {
    const canvas = image.ownerDocument.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
    return canvas.toDataURL();
  } catch {
    return undefined;
  }
}

function freezeImages(document: Document, signal: AbortSignal): void {
  const frozen = new Map<HTMLImageElement, { src: string | null; srcset: string | null }>();
  /** Images the user chose to play: not frozen again when their own source loads back. */
  const played = new WeakSet<HTMLImageElement>();
  const thaw = (image: HTMLImageElement) => {
    const original = frozen.get(image);
    if (!original) return;
    frozen.delete(image);
    // Overwritten, not removed: put back, the page's attributes keep their place in its HTML.
    if (original.srcset !== null) image.setAttribute('srcset', original.srcset);
    if (original.src === null) image.removeAttribute('src');
    else image.setAttribute('src', original.src);
  };
  const freeze = (image: HTMLImageElement) => {
    if (frozen.has(image) || played.has(image) || !MAYBE_ANIMATED.test(image.currentSrc || image.src)) return;
    if (!image.complete || image.naturalWidth === 0) {
      image.addEventListener('load', () => freeze(image), { once: true, signal });
      return;
    }
    const still = stillOf(image);
    if (!still) return;
    frozen.set(image, { src: image.getAttribute('src'), srcset: image.getAttribute('srcset') });
    if (image.hasAttribute('srcset')) image.setAttribute('srcset', still);
    image.setAttribute('src', still);
  };
  // Images load one by one as the page is parsed: each is frozen as it arrives (load does not bubble, capture sees it).
  document.addEventListener('load', (event) => event.target instanceof HTMLImageElement && freeze(event.target), { capture: true, signal });
  whenParsed(document, signal, () => {
    for (const image of document.images) freeze(image);
  });
  // One click on a still image plays it (and keeps the click from following a link around it).
  document.addEventListener(
    'click',
    (event) => {
      const image = event.target instanceof HTMLImageElement ? event.target : undefined;
      if (!image || !frozen.has(image)) return;
      event.preventDefault();
      event.stopPropagation();
      played.add(image);
      thaw(image);
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    for (const image of [...frozen.keys()]) thaw(image);
  });
}

/** Autoplay paused; a play with user activation (the page's own play button, the media controls) goes through. */
function pauseAutoplay(document: Document, signal: AbortSignal): void {
  const paused = new Set<HTMLMediaElement>();
  const pause = (media: HTMLMediaElement) => {
    if (media.paused) return;
    media.pause();
    paused.add(media);
  };
  whenParsed(document, signal, () => {
    for (const media of document.querySelectorAll<HTMLMediaElement>('video, audio')) pause(media);
  });
  document.addEventListener(
    'play',
    (event) => {
      const media = event.target;
      if (!(media instanceof HTMLMediaElement)) return;
      if (navigator.userActivation?.isActive) paused.delete(media);
      else pause(media);
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    for (const media of paused) void media.play().catch(() => undefined);
  });
}

interface Marquee extends HTMLElement {
  start(): void;
  stop(): void;
}

/** Now, and again once the parser is done (before first paint only part of the page exists). */
function whenParsed(document: Document, signal: AbortSignal, sweep: () => void): void {
  sweep();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sweep, { once: true, signal });
}

function stopMarquees(document: Document, signal: AbortSignal): void {
  const stopped = new Set<Marquee>();
  whenParsed(document, signal, () => {
    for (const marquee of document.querySelectorAll<Marquee>('marquee')) {
      marquee.stop();
      stopped.add(marquee);
    }
  });
  signal.addEventListener('abort', () => {
    for (const marquee of stopped) marquee.start();
  });
}

/** A transition already under way keeps its old duration: end it now (a later one is instant by our CSS). */
function endTransitions(document: Document): void {
  for (const animation of document.getAnimations()) if ('transitionProperty' in animation) animation.finish();
}

export function start({ pageStopMotion }: Values, signal: AbortSignal, { document }: PageContext): void {
  if (!pageStopMotion) return;
  endTransitions(document);
  pauseAutoplay(document, signal);
  freezeImages(document, signal);
  stopMarquees(document, signal);
}
