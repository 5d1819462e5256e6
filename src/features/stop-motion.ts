/**
 * Stop motion (WCAG 2.2.2, and the Digital Agency guidebook's advice on
 * moving content): CSS animations end at once in the state they lead to and
 * transitions jump, smooth scrolling is off, autoplaying media pause (the
 * page's own play control still works: a play the user asked for, with user
 * activation, is let through), animated images show a still frame until the
 * user plays one (a click, or Enter or Space on it), and <marquee> stops;
 * what the page adds later too. Off: everything resumes.
 */
import { stillImages } from '../page-tools/adjustments/still-images';
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

/**
 * Autoplay paused; a play with user activation (the page's own play button, the media controls) goes through.
 * Gives the pauser for a subtree (media the page has now, and adds later).
 */
function pauseAutoplay(document: Document, signal: AbortSignal): (root: ParentNode) => void {
  const paused = new Set<HTMLMediaElement>();
  const pause = (media: HTMLMediaElement) => {
    // Not started yet: pause() takes its autoplay away (the spec's "can autoplay" flag) with no event the page
    // sees, so it never starts, whatever user activation the page has when its data arrives.
    const waiting = media.paused && media.autoplay && media.played.length === 0;
    if (media.paused && !waiting) return;
    media.pause();
    paused.add(media);
  };
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
  return (root) => {
    for (const media of within<HTMLMediaElement>(root, 'video, audio')) pause(media);
  };
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

/**
 * Elements the page adds later (and the parser adds now), each with what is inside it (a marquee, an image
 * loaded before it was added, media whose autoplay has not started yet).
 */
function whenAdded(document: Document, signal: AbortSignal, each: (element: Element) => void): void {
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) each(node);
  });
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
}

/** The elements of a kind in a subtree, its root included. */
const within = <E extends Element>(root: ParentNode, selector: string): E[] => [
  ...(root instanceof Element && root.matches(selector) ? [root as E] : []),
  ...root.querySelectorAll<E>(selector),
];

function stopMarquees(signal: AbortSignal): (root: ParentNode) => void {
  const stopped = new Set<Marquee>();
  signal.addEventListener('abort', () => {
    for (const marquee of stopped) marquee.start();
  });
  return (root) => {
    for (const marquee of within<Marquee>(root, 'marquee')) {
      marquee.stop();
      stopped.add(marquee);
    }
  };
}

/** A transition already under way keeps its old duration: end it now (a later one is instant by our CSS). */
function endTransitions(document: Document): void {
  for (const animation of document.getAnimations()) if ('transitionProperty' in animation) animation.finish();
}

export function start({ pageStopMotion }: Values, signal: AbortSignal, { document, message }: PageContext): void {
  if (!pageStopMotion) return;
  endTransitions(document);
  const pauseMedia = pauseAutoplay(document, signal);
  const images = stillImages(document, signal, message('stopMotionPlayHint'));
  const stop = stopMarquees(signal);
  const calm = (root: ParentNode) => {
    stop(root);
    pauseMedia(root);
    // An image loaded before it was added (a preloaded new Image()) fires no load here: frozen when added.
    for (const image of within<HTMLImageElement>(root, 'img')) images.freeze(image);
  };
  whenParsed(document, signal, () => calm(document));
  whenAdded(document, signal, calm);
}
