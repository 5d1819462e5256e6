import { describe, expect, it } from 'vitest';
import { adjustmentCss, hasAdjustments, PALETTES, type PageAdjustments } from '../../src/content/adjustments/adjustment-css';

const OFF: PageAdjustments = { pageColours: 'off', pageFont: 'off', pageSpacing: 'off', pageLinks: false, pageFocus: false };

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

  it.each(Object.entries(PALETTES))('%s keeps text, links and visited links at 7:1 or more', (_, palette) => {
    for (const colour of [palette.text, palette.link, palette.visited])
      expect(contrast(colour, palette.background)).toBeGreaterThanOrEqual(7);
  });

  it('paints colours with !important in a layer declared before the text-size layer', () => {
    const css = adjustmentCss({ ...OFF, pageColours: 'yellow-on-black' });
    expect(css.startsWith('@layer easyread-adjust, easyread;')).toBe(true);
    expect(css).toContain('color:#ffff00!important');
    expect(css).toContain('filter:none!important');
  });

  it('keeps icon fonts, code and maths out of the font override', () => {
    const css = adjustmentCss({ ...OFF, pageFont: 'ud' });
    expect(css).toMatch(/:not\([^)]*material-icons[^)]*code[^)]*math/);
    expect(css).toContain('BIZ UDPGothic');
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
