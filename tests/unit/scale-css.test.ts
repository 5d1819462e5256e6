import { describe, expect, it } from 'vitest';
import { pageToken } from '../../src/content/page-names';
import { buildTextScaleCss, isSizeAttribute, originalSize, sizeKey } from '../../src/content/text-scale/scale-css';

const T = pageToken();

describe('text scale stylesheet', () => {
  it('maps each original size to size × scale', () => {
    const css = buildTextScaleCss([originalSize(14, 'normal'), originalSize(21.5, 'normal')], 150);
    expect(css).toContain(`[data-${T}-s1400-n]{font-size:21px!important}`);
    expect(css).toContain(`[data-${T}-s2150-n]{font-size:32.25px!important}`);
  });

  it('scales px line heights with the text so lines do not overlap', () => {
    expect(buildTextScaleCss([originalSize(16, '24px')], 200)).toContain(
      `[data-${T}-s1600-2400]{font-size:32px!important;line-height:48px!important}`,
    );
  });

  it('puts its !important rules in a cascade layer, which outranks every unlayered !important rule of the page', () => {
    // The page adjustments' layer is declared first, so the user's chosen spacing beats scaled line heights.
    expect(buildTextScaleCss([originalSize(16, 'normal')], 110)).toMatch(
      new RegExp(String.raw`^@layer ${T}a, ${T};\n@layer ${T}\{[\s\S]*\}$`),
    );
  });

  it('shrinks too (67%)', () => {
    expect(buildTextScaleCss([originalSize(12, 'normal')], 67)).toContain('font-size:8.04px!important');
  });

  it('is empty when there is nothing to scale', () => {
    expect(buildTextScaleCss([], 150)).toBe('');
  });

  it('keys sizes to 1/100 px in one attribute name', () => {
    expect(sizeKey(originalSize(14.583333, '21.875px'))).toBe(`data-${T}-s1458-2188`);
    expect(sizeKey(originalSize(16, 'normal'))).toBe(`data-${T}-s1600-n`);
    expect(isSizeAttribute(`data-${T}-s1600-n`)).toBe(true);
    expect(isSizeAttribute(`data-${T}`)).toBe(false);
  });
});
