import { describe, expect, it } from 'vitest';
import { adjustLayer } from '../../src/content/page-names';
import { TINT_COLOURS, TINT_OPACITY, TINTS } from '../../src/features/colour-tint';
import { css as hideImagesCss, placeholderFor } from '../../src/features/hide-images';
import { css as stopMotionCss } from '../../src/features/stop-motion';
import { adjustmentCss } from '../../src/page-tools/adjustments/adjustment-css';
import { allBootScripts } from '../../src/shared/boot-scripts';
import { featureDefaults, hasAdjustments } from '../../src/shared/features/registry';

const OFF = featureDefaults();

describe('calm-page adjustments', () => {
  it('add nothing while off', () => {
    expect(stopMotionCss(OFF)).toBe('');
    expect(hideImagesCss(OFF)).toBe('');
    expect(adjustmentCss(OFF)).toBe('');
  });

  it('stop motion ends animations and transitions at once and turns smooth scrolling off', () => {
    const css = stopMotionCss({ ...OFF, pageStopMotion: true });
    expect(css).toContain('animation-duration:0s!important');
    expect(css).toContain('animation-iteration-count:1!important');
    expect(css).toContain('transition-duration:0s!important');
    expect(css).toContain('scroll-behavior:auto!important');
    expect(adjustmentCss({ ...OFF, pageStopMotion: true })).toContain(`@layer ${adjustLayer()}`);
  });

  it('hide images takes background images off everything but controls and what is inside them', () => {
    const css = hideImagesCss({ ...OFF, pageHideImages: true });
    expect(css).toMatch(/^body :not\(a, button, .*\)\{background-image:none!important\}$/);
  });

  it('hide images draws the alt text, escaped, in a box of the given size', () => {
    const svg = decodeURIComponent(placeholderFor(160, 90, 'Fish & <chips>').split(',')[1]);
    expect(svg).toContain('width="160" height="90"');
    expect(svg).toContain('Fish &#38; &#60;chips&#62;');
    expect(svg).not.toContain('<chips>');
    expect(decodeURIComponent(placeholderFor(20, 10, '  ').split(',')[1])).not.toContain('foreignObject');
  });

  it('colour tint loads the adjustments only when a tint is chosen, not for its strength alone', () => {
    expect(hasAdjustments({ ...OFF, pageTintStrength: 'strong' })).toBe(false);
    expect(hasAdjustments({ ...OFF, pageTint: 'cream' })).toBe(true);
    expect(Object.keys(TINT_COLOURS)).toEqual(TINTS.filter((tint) => tint !== 'off'));
    expect(Math.max(...Object.values(TINT_OPACITY))).toBeLessThanOrEqual(1);
  });

  it('each gets boot files, so it is there before the first paint', () => {
    const fields = new Set(allBootScripts().map(({ field }) => field));
    for (const field of ['pageStopMotion', 'pageHideImages', 'pageTint', 'pageTintStrength']) expect(fields).toContain(field);
  });
});
