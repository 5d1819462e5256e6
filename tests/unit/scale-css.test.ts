import { describe, expect, it } from 'vitest';
import { buildTextScaleCss, sizeKey } from '../../src/content/text-scale/scale-css';

describe('text scale stylesheet', () => {
  it('maps each original size to size × scale', () => {
    const css = buildTextScaleCss(['14', '21.5'], [], 150);
    expect(css).toContain('[data-easyread-fs="14"]');
    expect(css).toContain('font-size:21px!important');
    expect(css).toContain('font-size:32.25px!important');
  });

  it('scales px line heights with the text so lines do not overlap', () => {
    const css = buildTextScaleCss(['16'], ['24'], 200);
    expect(css).toContain('[data-easyread-lh="24"]');
    expect(css).toContain('line-height:48px!important');
  });

  it('outranks id-heavy site selectors with three id-level :not()s', () => {
    const css = buildTextScaleCss(['16'], [], 110);
    expect(css.match(/:not\(#easyread-boost\)/g)).toHaveLength(3);
  });

  it('shrinks too (67%)', () => {
    expect(buildTextScaleCss(['12'], [], 67)).toContain('font-size:8.04px!important');
  });

  it('is empty when there is nothing to scale', () => {
    expect(buildTextScaleCss([], [], 150)).toBe('');
  });

  it('keys sizes to 1/100 px', () => {
    expect(sizeKey(14.583333)).toBe('14.58');
    expect(sizeKey(16)).toBe('16');
  });
});
