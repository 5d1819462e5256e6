/**
 * A readable font for the live page. Icon fonts, code and maths keep theirs.
 * The bundled fonts are added to the page's own font set while chosen.
 */
import { choiceField, defineFeature, type FeaturePresets, type PageContext, type ValuesOf } from '../shared/features/feature';
import { ICONS } from '../shared/features/page-selectors';

export const PAGE_FONTS = ['off', 'system-sans', 'system-serif', 'atkinson', 'opendyslexic', 'ud'] as const;

export const feature = defineFeature({
  order: 20,
  fields: { pageFont: choiceField(PAGE_FONTS, 'off') },
});

type Values = ValuesOf<typeof feature.fields>;
type PageFont = Values['pageFont'];

/** The presets this feature joins (shared/presets.ts), apart from `feature` so the always-on script never carries them; every feature module has it. */
export const presets: FeaturePresets<Values> = { 'easier-to-read': { pageFont: 'atkinson' } };

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

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

export const FONT_STACKS: Record<Exclude<PageFont, 'off'>, string> = {
  'system-sans': SANS,
  'system-serif': 'Georgia, "Times New Roman", "Hiragino Mincho ProN", "Noto Serif CJK JP", "Yu Mincho", serif',
  atkinson: `"Atkinson Hyperlegible", ${SANS}`,
  opendyslexic: `"OpenDyslexic", ${SANS}`,
  ud: '"BIZ UDPGothic", "BIZ UDゴシック", "UD デジタル 教科書体 N-R", "UD Digi Kyokasho N-R", "Noto Sans CJK JP", system-ui, sans-serif',
};

/** Icon fonts, code and maths keep their own fonts: an icon ligature must not turn into a word. */
const KEEP_FONT = `i, ${ICONS}, code, pre, kbd, samp, tt, var, math|*, svg|*`;

export function css({ pageFont }: Values): string {
  return pageFont === 'off' ? '' : `body :not(${KEEP_FONT}){font-family:${FONT_STACKS[pageFont]}!important}`;
}

/**
 * The font file is read by the content script and handed to FontFace as
 * bytes: no URL of ours reaches the page, and no font-src of a strict
 * Content-Security-Policy can block it. Aborted (another font, or off): the faces go.
 */
export function start({ pageFont }: Values, signal: AbortSignal, page: PageContext): void {
  const faces: FontFace[] = [];
  signal.addEventListener('abort', () => {
    for (const face of faces) page.document.fonts.delete(face);
  });
  for (const { family, weight, path } of bundledFontFaces(pageFont)) {
    fetch(page.assetUrl(path))
      .then((response) => response.arrayBuffer())
      .then((data) => {
        if (signal.aborted) return;
        const face = new FontFace(family, data, { weight });
        faces.push(face);
        page.document.fonts.add(face);
      })
      .catch((error: unknown) => console.warn('[EasyRead] font not loaded', path, error));
  }
}
