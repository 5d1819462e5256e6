/**
 * Colour schemes for the live page: every text at 7:1 contrast or more,
 * images never inverted.
 */
import { choiceField, defineFeature, type FeaturePresets, type ValuesOf } from '../shared/features/feature';
import { MEDIA } from '../shared/features/page-selectors';

/** "Easy Web Browsing" colour schemes; 'off' leaves the site's own design. */
export const PAGE_COLOURS = ['off', 'white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'blue', 'dark'] as const;

export const feature = defineFeature({
  order: 10,
  fields: { pageColours: choiceField(PAGE_COLOURS, 'off') },
  firstView: true,
});

type Values = ValuesOf<typeof feature.fields>;

/** The presets this feature joins (shared/presets.ts), apart from `feature` so the always-on script never carries them; every feature module has it. */
// Yellow on black: the high-contrast scheme low-vision readers ask for most, 7:1 and more.
export const presets: FeaturePresets<Values> = { 'high-contrast': { pageColours: 'yellow-on-black' } };

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

interface Palette {
  text: string;
  background: string;
  link: string;
  visited: string;
  border: string;
  focus: string;
}

/** Every pair meets 7:1 (WCAG AAA) for text, links and visited links. */
export const PALETTES: Record<Exclude<Values['pageColours'], 'off'>, Palette> = {
  'white-on-black': { text: '#ffffff', background: '#000000', link: '#8cf0ff', visited: '#ffb8ff', border: '#ffffff', focus: '#ffff00' },
  'black-on-white': { text: '#000000', background: '#ffffff', link: '#0000c8', visited: '#5a1a8a', border: '#000000', focus: '#c24e00' },
  'yellow-on-black': { text: '#ffff00', background: '#000000', link: '#8cf0ff', visited: '#ffb8ff', border: '#ffff00', focus: '#ffffff' },
  'black-on-yellow': { text: '#000000', background: '#ffff00', link: '#1a1aa6', visited: '#5c1a7a', border: '#000000', focus: '#000000' },
  // The blue background Japanese government sites offer (背景色：青).
  blue: { text: '#ffffff', background: '#002b80', link: '#ffff66', visited: '#ffd6ff', border: '#ffffff', focus: '#ffff66' },
  // Gentle dark: softer than pure white on black, still over 12:1.
  dark: { text: '#e8e6e3', background: '#1c1c1e', link: '#9ec3ff', visited: '#d8b4fe', border: '#8a8a8a', focus: '#ffb37a' },
};

/**
 * Text-level elements. A background on an inline box makes Chromium lay its
 * line out again (the box then needs a fragment of its own): on a 20,000-element
 * page that was most of the cost of a colour change. They get a transparent
 * background instead, so ours shows through from the block around them, and a
 * page's own highlight on them (mark, badges) goes too.
 */
const TEXT_LEVEL =
  'a, abbr, b, bdi, bdo, cite, code, data, dfn, em, font, i, kbd, label, mark, q, s, samp, small, span, strong, sub, sup, time, tt, u, var';

/**
 * Chromium inherits highlight styles from the parent's (CSS highlight inheritance), so one rule on the root
 * colours every selection. A `::selection` that matched every element made it resolve a second, uncached
 * style per element (its matched-properties cache is off for elements with highlight rules): about a third
 * of a colour change's style recalc on a 20,000-element page. Firefox takes `::selection` from each
 * element's own rules only, so there it still matches every element.
 */
const SELECTION = import.meta.env?.MODE === 'firefox' ? '::selection' : ':root::selection';

export function css({ pageColours }: Values): string {
  if (pageColours === 'off') return '';
  const { text, background, link, visited, border, focus } = PALETTES[pageColours];
  return [
    `:root,body{background-color:${background}!important;color:${text}!important}`,
    `body :not(${MEDIA}){color:${text}!important;border-color:${border}!important;text-shadow:none!important;box-shadow:none!important}`,
    `body :not(${MEDIA}, ${TEXT_LEVEL}){background-color:${background}!important}`,
    `body :is(${TEXT_LEVEL}){background-color:transparent!important}`,
    // Pictures behind text ruin contrast; empty elements (icon sprites) keep theirs.
    `body :not(${MEDIA}):not(:empty){background-image:none!important}`,
    `a:link,a:link *{color:${link}!important}`,
    `a:visited,a:visited *{color:${visited}!important}`,
    `:is(input,textarea,select,button){background-color:${background}!important;color:${text}!important;border:1px solid ${border}!important}`,
    `::placeholder{color:${text}!important;opacity:0.8!important}`,
    `${SELECTION}{background-color:${text}!important;color:${background}!important}`,
    `:root :focus-visible{outline:3px solid ${focus}!important;outline-offset:2px!important}`,
    `:is(img,picture,video,canvas){filter:none!important}`,
    // A frame we cannot adjust (cross-origin without access) shows our background through its own
    // transparent page, and its default black text on our black would be unreadable.
    `:is(iframe,frame,embed,object){background-color:#ffffff!important}`,
  ].join('\n');
}
