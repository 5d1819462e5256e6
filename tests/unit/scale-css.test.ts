import { describe, expect, it } from 'vitest';
import { buildTextScaleCss, isSizeAttribute, sizeAttribute, sizeToken } from '../../src/content/text-scale/scale-css';

describe('text scale stylesheet', () => {
  it('maps each original size to size × scale', () => {
    const css = buildTextScaleCss(['1400', '2150'], [], 150);
    expect(css).toContain('[data-easyread-fs-1400]{font-size:21px!important}');
    expect(css).toContain('[data-easyread-fs-2150]{font-size:32.25px!important}');
  });

  it('scales px line heights with the text so lines do not overlap', () => {
    expect(buildTextScaleCss(['1600'], ['2400'], 200)).toContain('[data-easyread-lh-2400]{line-height:48px!important}');
  });

  it('puts its !important rules in a cascade layer, which outranks every unlayered !important rule of the page', () => {
    expect(buildTextScaleCss(['1600'], [], 110)).toMatch(/^@layer easyread\{[\s\S]*\}$/);
  });

  it('shrinks too (67%)', () => {
    expect(buildTextScaleCss(['1200'], [], 67)).toContain('font-size:8.04px!important');
  });

  it('is empty when there is nothing to scale', () => {
    expect(buildTextScaleCss([], [], 150)).toBe('');
  });

  it('keys sizes to 1/100 px in the attribute name', () => {
    expect(sizeToken(14.583333)).toBe('1458');
    expect(sizeToken(16)).toBe('1600');
    expect(sizeAttribute('font-size', '1458')).toBe('data-easyread-fs-1458');
    expect(sizeAttribute('line-height', '2400')).toBe('data-easyread-lh-2400');
    expect(isSizeAttribute('data-easyread-lh-2400')).toBe(true);
    expect(isSizeAttribute('data-easyread')).toBe(false);
  });
});
