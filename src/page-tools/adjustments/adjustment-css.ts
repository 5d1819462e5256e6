/**
 * Pure: the "Easy Web Browsing" adjustments of the live page as one
 * stylesheet. Everything sits in the adjustments cascade layer (page-names.ts) with
 * !important, which beats every unlayered !important rule of the page; the
 * layer is declared before the text-size one, so chosen spacing wins over
 * scaled original line heights.
 */
import { adjustLayer, layerOrder } from '../../content/page-names';
import { hasAdjustments, type PageAdjustments } from '../../shared/page-adjustments';

interface Palette {
  text: string;
  background: string;
  link: string;
  visited: string;
  border: string;
  focus: string;
}

/** Every pair meets 7:1 (WCAG AAA) for text, links and visited links. */
export const PALETTES: Record<Exclude<PageAdjustments['pageColours'], 'off'>, Palette> = {
  'white-on-black': { text: '#ffffff', background: '#000000', link: '#8cf0ff', visited: '#ffb8ff', border: '#ffffff', focus: '#ffff00' },
  'black-on-white': { text: '#000000', background: '#ffffff', link: '#0000c8', visited: '#5a1a8a', border: '#000000', focus: '#c24e00' },
  'yellow-on-black': { text: '#ffff00', background: '#000000', link: '#8cf0ff', visited: '#ffb8ff', border: '#ffff00', focus: '#ffffff' },
  'black-on-yellow': { text: '#000000', background: '#ffff00', link: '#1a1aa6', visited: '#5c1a7a', border: '#000000', focus: '#000000' },
  // The blue background Japanese government sites offer (背景色：青).
  blue: { text: '#ffffff', background: '#002b80', link: '#ffff66', visited: '#ffd6ff', border: '#ffffff', focus: '#ffff66' },
  // Gentle dark: softer than pure white on black, still over 12:1.
  dark: { text: '#e8e6e3', background: '#1c1c1e', link: '#9ec3ff', visited: '#d8b4fe', border: '#8a8a8a', focus: '#ffb37a' },
};

type PageFont = PageAdjustments['pageFont'];

const SANS = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif';

/**
 * The fonts EasyRead ships (reading mode uses the same files, see the
 * assetFileNames of vite.config.ts). They cover Latin text only: other
 * scripts, Japanese included, fall through to the system sans-serif after them.
 */
export const BUNDLED_FONTS: Partial<Record<PageFont, { family: string; file: string }>> = {
  atkinson: { family: 'Atkinson Hyperlegible', file: 'atkinson-hyperlegible' },
  opendyslexic: { family: 'OpenDyslexic', file: 'opendyslexic' },
};

/** The faces to add to the page for a font, as paths inside the package: none for fonts of the system. */
export function bundledFontFaces(font: PageFont): { family: string; weight: string; path: string }[] {
  const bundled = BUNDLED_FONTS[font];
  if (!bundled) return [];
  return ['400', '700'].map((weight) => ({ family: bundled.family, weight, path: `assets/${bundled.file}-latin-${weight}-normal.woff2` }));
}

const FONT_STACKS: Record<Exclude<PageFont, 'off'>, string> = {
  'system-sans': SANS,
  'system-serif': 'Georgia, "Times New Roman", "Hiragino Mincho ProN", "Noto Serif CJK JP", "Yu Mincho", serif',
  atkinson: `"Atkinson Hyperlegible", ${SANS}`,
  opendyslexic: `"OpenDyslexic", ${SANS}`,
  ud: '"BIZ UDPGothic", "BIZ UDゴシック", "UD デジタル 教科書体 N-R", "UD Digi Kyokasho N-R", "Noto Sans CJK JP", system-ui, sans-serif',
};

/** Elements drawn with an icon font (by the class names of the common icon sets). */
const ICONS =
  '[class*="icon" i], .fa, .fas, .far, .fab, .fal, [class*="fa-"], [class*="material-icons"], [class*="material-symbols"], .glyphicon, [class*="bi-"], [class*="codicon"], [aria-hidden="true"]';

/**
 * SVG and MathML by namespace (`svg|*`) rather than by ancestor (`svg *`): a
 * descendant test inside :not() walks the ancestors of every element of the page.
 */
const NAMESPACES = '@namespace svg url(http://www.w3.org/2000/svg);\n@namespace math url(http://www.w3.org/1998/Math/MathML);';

/** Icon fonts, code and maths keep their own fonts: an icon ligature must not turn into a word. */
const KEEP_FONT = `i, ${ICONS}, code, pre, kbd, samp, tt, var, math|*, svg|*`;

/** Media keep their own colours: never inverted, never painted over. */
const MEDIA = 'img, picture, video, canvas, svg|*, iframe, embed, object, math|*';

/**
 * Text-level elements. A background on an inline box makes Chromium lay its
 * line out again (the box then needs a fragment of its own): on a 20,000-element
 * page that was most of the cost of a colour change. They get a transparent
 * background instead, so ours shows through from the block around them, and a
 * page's own highlight on them (mark, badges) goes too.
 */
const TEXT_LEVEL =
  'a, abbr, b, bdi, bdo, cite, code, data, dfn, em, font, i, kbd, label, mark, q, s, samp, small, span, strong, sub, sup, time, tt, u, var';

const SPACINGS: Record<
  Exclude<PageAdjustments['pageSpacing'], 'off'>,
  { line: number; letter: number; word: number; paragraph: number }
> = {
  // WCAG 2.2 success criterion 1.4.12 Text Spacing.
  wcag: { line: 1.5, letter: 0.12, word: 0.16, paragraph: 2 },
  wide: { line: 1.8, letter: 0.16, word: 0.24, paragraph: 2.5 },
};

function coloursCss(palette: Palette): string {
  const { text, background, link, visited, border, focus } = palette;
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
    `::selection{background-color:${text}!important;color:${background}!important}`,
    `:root :focus-visible{outline:3px solid ${focus}!important;outline-offset:2px!important}`,
    `:is(img,picture,video,canvas){filter:none!important}`,
    // A frame we cannot adjust (cross-origin without access) shows our background through its own
    // transparent page, and its default black text on our black would be unreadable.
    `:is(iframe,frame,embed,object){background-color:#ffffff!important}`,
  ].join('\n');
}

function spacingCss(spacing: (typeof SPACINGS)[keyof typeof SPACINGS]): string {
  return [
    `body :not(code,pre,kbd,samp,svg|*,math|*){line-height:${spacing.line}!important;letter-spacing:${spacing.letter}em!important;word-spacing:${spacing.word}em!important}`,
    // Spacing is inherited: icon glyphs must not get it, or ligature icons ("home" drawn as a house) fall apart into letters.
    `:is(${ICONS}),:is(${ICONS})::before,:is(${ICONS})::after{letter-spacing:normal!important;word-spacing:normal!important}`,
    `body p{margin-block-end:${spacing.paragraph}em!important}`,
  ].join('\n');
}

export function adjustmentCss(adjustments: PageAdjustments): string {
  if (!hasAdjustments(adjustments)) return '';
  const parts: string[] = [];
  if (adjustments.pageColours !== 'off') parts.push(coloursCss(PALETTES[adjustments.pageColours]));
  if (adjustments.pageFont !== 'off') parts.push(`body :not(${KEEP_FONT}){font-family:${FONT_STACKS[adjustments.pageFont]}!important}`);
  if (adjustments.pageSpacing !== 'off') parts.push(spacingCss(SPACINGS[adjustments.pageSpacing]));
  if (adjustments.pageLinks) {
    parts.push(
      'a:is(:link,:visited){text-decoration:underline!important;text-decoration-thickness:0.12em!important;text-underline-offset:0.15em!important;outline:1px solid currentColor!important;outline-offset:1px!important}',
    );
  }
  if (adjustments.pageFocus) {
    // Two rings, light and dark, so the indicator shows on any background; `:root` outranks the link outline.
    parts.push(
      ':root :focus-visible{outline:4px solid #ff8c00!important;outline-offset:2px!important;box-shadow:0 0 0 7px #000000!important}',
    );
  }
  return `${layerOrder()}\n${NAMESPACES}\n@layer ${adjustLayer()}{\n${parts.join('\n')}\n}`;
}
