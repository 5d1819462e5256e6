import { describe, expect, it } from 'vitest';
import { pageToken } from '../../src/content/page-names';
import {
  type BoxMetrics,
  type BoxStyle,
  buildUnclipCss,
  hidesOnPurpose,
  hidOnPurpose,
  innermost,
  newlyOverflowing,
  overflowsAtAll,
  relaxTokens,
} from '../../src/page-tools/unclip/unclip-plan';

const T = pageToken();

const style = (overrides: Partial<BoxStyle> = {}): BoxStyle => ({
  overflowX: 'hidden',
  overflowY: 'hidden',
  clip: 'auto',
  clipPath: 'none',
  whiteSpace: 'normal',
  display: 'block',
  flexDirection: 'row',
  flexWrap: 'nowrap',
  height: '150px',
  ...overrides,
});
const box = (clientWidth: number, clientHeight: number, scrollWidth = clientWidth, scrollHeight = clientHeight): BoxMetrics => ({
  clientWidth,
  clientHeight,
  scrollWidth,
  scrollHeight,
});

describe('which boxes cut off enlarged text', () => {
  it('a fixed-height card that fitted at 100% and overflows now, in that axis only', () => {
    expect(newlyOverflowing(style(), box(220, 150, 220, 240), box(220, 150))).toEqual({ x: false, y: true });
    expect(newlyOverflowing(style({ whiteSpace: 'nowrap' }), box(420, 30, 560, 30), box(420, 30))).toEqual({ x: true, y: false });
  });

  it('a spilling box with overflow visible counts too (its text would cover what follows)', () => {
    expect(newlyOverflowing(style({ overflowX: 'visible', overflowY: 'visible' }), box(900, 40, 900, 90), box(900, 40))).toEqual({
      x: false,
      y: true,
    });
  });

  it('not a box that hid content at 100% already: a carousel stays one slide wide, a clamped teaser stays clamped', () => {
    // The carousel may still grow taller: only its sideways overflow was on purpose.
    expect(newlyOverflowing(style(), box(480, 96, 1440, 140), box(480, 96, 1440, 96))).toEqual({ x: false, y: true });
    expect(hidOnPurpose(20, 60)).toBe(true);
    expect(newlyOverflowing(style(), box(320, 60, 320, 200), box(320, 60, 320, 80))).toEqual({ x: false, y: false });
  });

  it('glyphs sticking out of a tight line by a few px at 100% are not hiding on purpose', () => {
    expect(hidOnPurpose(2, 28)).toBe(false);
    expect(newlyOverflowing(style(), box(100, 28, 100, 60), box(100, 28, 100, 30))).toEqual({ x: false, y: true });
  });

  it('not scroll containers, nor an overflow within a pixel of rounding', () => {
    expect(newlyOverflowing(style({ overflowY: 'auto' }), box(420, 110, 420, 400), box(420, 110, 420, 200))).toEqual({
      x: false,
      y: false,
    });
    expect(overflowsAtAll(box(100, 20, 101, 21))).toBe(false);
    expect(overflowsAtAll(box(100, 20, 100, 22))).toBe(true);
  });

  it('never visually-hidden text for screen readers, nor other clipped shapes', () => {
    expect(hidesOnPurpose(style({ clip: 'rect(0px, 0px, 0px, 0px)' }), box(1, 1, 150, 20))).toBe(true);
    expect(hidesOnPurpose(style({ clipPath: 'inset(50%)' }), box(200, 30))).toBe(true);
    expect(hidesOnPurpose(style(), box(1, 1, 150, 20))).toBe(true);
    expect(hidesOnPurpose(style(), box(220, 150, 220, 240))).toBe(false);
  });
});

describe('how a box is given room', () => {
  const fits = box(220, 150);

  it('height to auto with the original height as the least, no max-height or line clamp', () => {
    expect(relaxTokens(style(), { x: false, y: true }, [], fits)).toEqual(['h15000']);
    expect(relaxTokens(style({ height: '27.5px' }), { x: false, y: true }, [], fits)).toEqual(['h2750']);
  });

  it('wrapping instead of an ellipsis or a row that runs out of its box', () => {
    expect(relaxTokens(style({ whiteSpace: 'nowrap' }), { x: true, y: false }, [], fits)).toEqual(['w', 'x']);
    expect(relaxTokens(style({ whiteSpace: 'pre' }), { x: true, y: false }, [], fits)).toEqual(['p', 'x']);
    expect(relaxTokens(style({ display: 'flex' }), { x: true, y: false }, [], fits)).toEqual(['f', 'x']);
    expect(relaxTokens(style({ display: 'flex', flexDirection: 'column' }), { x: true, y: false }, [], fits)).toEqual(['x']);
  });

  it('shows the overflow only when a box free to grow is still cut, and never sideways where it hid on purpose', () => {
    expect(relaxTokens(style(), { x: false, y: true }, ['h15000'], fits)).toEqual(['h15000', 'v']);
    expect(relaxTokens(style(), { x: false, y: true }, ['h9600'], box(480, 96, 1440, 96))).toEqual(['h9600']);
    expect(relaxTokens(style({ overflowY: 'visible' }), { x: false, y: true }, ['h4000'], fits)).toEqual(['h4000']);
  });

  it('keeps what a box already had: relaxing only ever adds', () => {
    expect(relaxTokens(style({ whiteSpace: 'nowrap' }), { x: false, y: true }, ['w', 'x'], fits)).toEqual(['h15000', 'w', 'x']);
  });
});

describe('unclip stylesheet', () => {
  it('one rule per token, in our cascade layer, with !important', () => {
    const css = buildUnclipCss(['h15000', 'w', 'x', 'w']);
    expect(css.startsWith(`@layer ${T}a, ${T};`)).toBe(true);
    expect(css).toContain(
      `[data-${T}-u~="h15000"]{height:auto!important;min-height:150px!important;max-height:none!important;-webkit-line-clamp:none!important;line-clamp:none!important}`,
    );
    expect(css).toContain(`[data-${T}-u~="w"]{white-space:normal!important}`);
    expect(css.match(new RegExp(`\\[data-${T}-u`, 'g'))).toHaveLength(3);
  });

  it('nothing for no tokens, and unknown tokens are dropped', () => {
    expect(buildUnclipCss([])).toBe('');
    expect(buildUnclipCss(['zz', 'h12px'])).toBe('');
  });
});

describe('inner boxes first', () => {
  it('keeps only boxes with no other listed box inside them', () => {
    const parents = new Map([
      ['p', 'card'],
      ['card', 'cards'],
      ['cards', 'main'],
      ['title', 'main'],
    ]);
    const parentOf = (node: string) => parents.get(node) ?? null;
    expect(innermost(['cards', 'card', 'title', 'main'], parentOf)).toEqual(['card', 'title']);
    expect(innermost(['main'], parentOf)).toEqual(['main']);
  });
});
