/** The on-page button's pure parts: where it sits, and what its panel may send. */
import { describe, expect, it } from 'vitest';
import { PAGE_BUTTON_CORNERS } from '../../src/features/page-button';
import { buttonBox, type Corner, EDGE_GAP, nextCorner, shiftPastObstacles } from '../../src/page-tools/page-button/placement';
import { parseMessage } from '../../src/shared/messages';

const viewport = { width: 1000, height: 800 };
const size = { width: 120, height: 44 };

describe('on-page button placement', () => {
  it('sits in its corner when nothing is there', () => {
    expect(shiftPastObstacles('bottom-right', size, viewport, [])).toBe(0);
    expect(buttonBox('bottom-right', size, viewport, 0)).toEqual({ left: 868, top: 744, width: 120, height: 44 });
    expect(buttonBox('top-left', size, viewport, 0)).toEqual({ left: EDGE_GAP, top: EDGE_GAP, width: 120, height: 44 });
  });

  it('moves along the edge just past a control of the page in its corner, and past the next one it then meets', () => {
    const pageTop = { left: 880, top: 740, width: 110, height: 48 };
    const shift = shiftPastObstacles('bottom-right', size, viewport, [pageTop]);
    const box = buttonBox('bottom-right', size, viewport, shift);
    expect(box.top + box.height).toBe(pageTop.top - EDGE_GAP);

    const chat = { left: 900, top: 660, width: 80, height: 60 };
    const twice = buttonBox('bottom-right', size, viewport, shiftPastObstacles('bottom-right', size, viewport, [pageTop, chat]));
    expect(twice.top + twice.height).toBe(chat.top - EDGE_GAP);

    const header = { left: 0, top: 0, width: 1000, height: 64 };
    expect(buttonBox('top-right', size, viewport, shiftPastObstacles('top-right', size, viewport, [header])).top).toBe(64 + EDGE_GAP);
  });

  it('ignores controls elsewhere, and stays in its corner when the whole edge is taken', () => {
    expect(shiftPastObstacles('bottom-left', size, viewport, [{ left: 880, top: 740, width: 110, height: 48 }])).toBe(0);
    expect(shiftPastObstacles('bottom-right', size, viewport, [{ left: 900, top: 0, width: 100, height: 800 }])).toBe(0);
  });

  it('moves clockwise through the four corners', () => {
    const seen: string[] = [PAGE_BUTTON_CORNERS[0]];
    for (let i = 0; i < 4; i++) seen.push(nextCorner(seen[seen.length - 1] as Corner, PAGE_BUTTON_CORNERS));
    expect(seen).toEqual(['bottom-right', 'bottom-left', 'top-left', 'top-right', 'bottom-right']);
  });
});

describe('on-page panel messages', () => {
  it('carry one command of the popup, or one colour scheme or corner', () => {
    expect(parseMessage({ type: 'page-button-command', command: 'increase-text-size', tabId: 9 })).toEqual({
      type: 'page-button-command',
      command: 'increase-text-size',
    });
    expect(parseMessage({ type: 'page-button-set', patch: { pageColours: 'blue' } })).toEqual({
      type: 'page-button-set',
      patch: { pageColours: 'blue' },
    });
    expect(parseMessage({ type: 'page-button-set', patch: { pageButtonCorner: 'top-left' } })).toMatchObject({
      patch: { pageButtonCorner: 'top-left' },
    });
  });

  it('drop anything else: unknown commands, other fields, two fields at once, unknown values', () => {
    for (const bad of [
      { type: 'page-button-command', command: 'format-disk' },
      { type: 'page-button-set', patch: { textScale: 300 } },
      { type: 'page-button-set', patch: { pageButton: false } },
      { type: 'page-button-set', patch: { pageColours: 'blue', pageButtonCorner: 'top-left' } },
      { type: 'page-button-set', patch: { pageColours: 'pink' } },
      { type: 'page-button-set', patch: null },
    ]) {
      expect(parseMessage(bad)).toBeUndefined();
    }
  });
});
