import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { pageToken } from '../../src/content/page-names';
import { PALETTES } from '../../src/features/page-colours';
import { feature as focusFeature } from '../../src/features/page-focus';
import { BUNDLED_FONTS, bundledFontFaces } from '../../src/features/page-font';
import { feature as linksFeature } from '../../src/features/page-links';
import { feature as spacingFeature } from '../../src/features/page-spacing';
import { adjustmentCss } from '../../src/page-tools/adjustments/adjustment-css';
import { allBootScripts } from '../../src/shared/boot-scripts';
import { featureDefaults, hasAdjustments, type PageAdjustments } from '../../src/shared/features/registry';

const T = pageToken();

const OFF: PageAdjustments = featureDefaults();

function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
    const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(bl);
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('page adjustment stylesheet', () => {
  it('is empty when everything is off, so nothing is added to the page', () => {
    expect(hasAdjustments(OFF)).toBe(false);
    expect(adjustmentCss(OFF)).toBe('');
  });

  it('is empty when only features without CSS are on (the tint is an overlay), so no sheet comes or goes', () => {
    const tintOnly: PageAdjustments = { ...OFF, pageTint: 'cream' };
    expect(hasAdjustments(tintOnly)).toBe(true);
    expect(adjustmentCss(tintOnly)).toBe('');
  });

  it.each(Object.entries(PALETTES))('%s keeps text, links and visited links at 7:1 or more', (_, palette) => {
    for (const colour of [palette.text, palette.link, palette.visited])
      expect(contrast(colour, palette.background)).toBeGreaterThanOrEqual(7);
  });

  it('paints colours with !important in a layer declared before the text-size layer', () => {
    const css = adjustmentCss({ ...OFF, pageColours: 'yellow-on-black' });
    expect(css.startsWith(`@layer ${T}a, ${T};`)).toBe(true);
    expect(css).toContain('color:#ffff00!important');
    expect(css).toContain('filter:none!important');
  });

  it('colours selections from the root in Chromium (highlights inherit there), from every element in Firefox', async () => {
    const css = adjustmentCss({ ...OFF, pageColours: 'yellow-on-black' });
    expect(css).toContain('\n:root::selection{background-color:#ffff00!important;color:#000000!important}');
    vi.stubEnv('MODE', 'firefox');
    vi.resetModules();
    try {
      const firefox = await import('../../src/features/page-colours');
      expect(firefox.css({ pageColours: 'yellow-on-black' })).toContain('\n::selection{background-color:#ffff00!important');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it('paints backgrounds on blocks only: text-level boxes go transparent, so a colour change needs no relayout', () => {
    const css = adjustmentCss({ ...OFF, pageColours: 'yellow-on-black' });
    const painted = css.split('\n').filter((rule) => rule.includes('background-color:#000000') && rule.startsWith('body '));
    expect(painted).toHaveLength(1);
    expect(painted[0]).toMatch(/^body :not\([^)]*\bspan\b[^)]*\bstrong\b[^)]*\)\{background-color:#000000!important\}$/);
    expect(css).toMatch(/body :is\([^)]*\ba\b[^)]*\bspan\b[^)]*\)\{background-color:transparent!important\}/);
    // Nothing that changes the size of a box of the page's text.
    expect(css).not.toMatch(/[{;](padding|margin|font|width|height|line-height)[^;{]*:/);
  });

  it('leaves SVG and MathML out by namespace, never by a descendant test inside :not()', () => {
    for (const adjustments of [
      { ...OFF, pageColours: 'blue' as const },
      { ...OFF, pageFont: 'ud' as const },
      { ...OFF, pageSpacing: 'wcag' as const },
    ]) {
      const css = adjustmentCss(adjustments);
      expect(css).toContain('@namespace svg url(http://www.w3.org/2000/svg);');
      expect(css).toContain('@namespace math url(http://www.w3.org/1998/Math/MathML);');
      expect(css).toMatch(/:not\([^)]*svg\|\*[^)]*\)/);
      expect(css).not.toMatch(/:not\([^)]* \*/);
    }
  });

  it('keeps icon fonts, code and maths out of the font override', () => {
    const css = adjustmentCss({ ...OFF, pageFont: 'ud' });
    expect(css).toMatch(/:not\([^)]*material-icons[^)]*code[^)]*math/);
    expect(css).toContain('BIZ UDPGothic');
  });

  it.each([
    ['atkinson', '"Atkinson Hyperlegible"'],
    ['opendyslexic', '"OpenDyslexic"'],
  ] as const)(
    'puts the bundled %s first, then the system sans-serif with its Japanese fonts, and still keeps icons and code',
    (font, family) => {
      const css = adjustmentCss({ ...OFF, pageFont: font });
      expect(css).toMatch(/:not\([^)]*material-icons[^)]*code[^)]*math/);
      const stack = css.match(/font-family:([^!]*)!important/)?.[1];
      expect(stack).toBe(`${family}, ${adjustmentCss({ ...OFF, pageFont: 'system-sans' }).match(/font-family:([^!]*)!important/)?.[1]}`);
      expect(stack).toContain('"Noto Sans CJK JP"');
    },
  );

  it('names the bundled font files the packages ship, regular and bold, and none for system fonts', () => {
    expect(Object.keys(BUNDLED_FONTS).sort()).toEqual(['atkinson', 'opendyslexic']);
    for (const [font, { family, file }] of Object.entries(BUNDLED_FONTS) as [
      PageAdjustments['pageFont'],
      { family: string; file: string },
    ][]) {
      const faces = bundledFontFaces(font);
      expect(faces.map(({ weight }) => weight)).toEqual(['400', '700']);
      for (const face of faces) {
        expect(face.family).toBe(family);
        expect(face.path).toMatch(/^assets\/[a-z-]+-latin-[47]00-normal\.woff2$/);
        // The build keeps these names (vite.config.ts, assetFileName): the same files reading mode uses.
        expect(
          existsSync(resolve(import.meta.dirname, `../../node_modules/@fontsource/${file}/files/${basename(face.path)}`)),
          face.path,
        ).toBe(true);
      }
    }
    for (const font of ['off', 'system-sans', 'system-serif', 'ud'] as const) expect(bundledFontFaces(font)).toEqual([]);
  });

  it('gets a boot file for each bundled font, so it applies from the first frame', () => {
    const fonts = allBootScripts()
      .filter(({ field }) => field === 'pageFont')
      .map(({ value }) => value);
    expect(fonts).toEqual(expect.arrayContaining(['atkinson', 'opendyslexic']));
  });

  it('runs spacing, links and the focus ring in every frame, and puts the focus ring after the links', () => {
    for (const feature of [spacingFeature, linksFeature, focusFeature]) expect(feature.tool).toBeUndefined();
    expect(focusFeature.order).toBeGreaterThan(linksFeature.order);
  });

  it('uses the WCAG 1.4.12 values for text spacing', () => {
    const css = adjustmentCss({ ...OFF, pageSpacing: 'wcag' });
    expect(css).toContain('line-height:1.5!important;letter-spacing:0.12em!important;word-spacing:0.16em!important');
    expect(css).toContain('margin-block-end:2em!important');
  });

  it('adds link emphasis and the focus ring only when asked', () => {
    expect(adjustmentCss({ ...OFF, pageLinks: true })).toContain('text-decoration:underline');
    expect(adjustmentCss({ ...OFF, pageLinks: true })).not.toContain('#ff8c00');
    expect(adjustmentCss({ ...OFF, pageFocus: true })).toContain('outline:4px solid #ff8c00');
  });
});
