import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { claim, claimedByOther, pageValue, release } from '../../src/page-tools/adjustments/attribute-claims';
import { pausedPlaceholder, playMark } from '../../src/page-tools/adjustments/still-frame';

const image = () => {
  const { document } = new JSDOM('<img src="a.gif" srcset="a.gif 1x" alt="A">').window;
  return document.querySelector('img') as Element;
};

describe('attribute claims (hide images and stop motion on one image)', () => {
  const orders: [string, ('still' | 'hidden')[]][] = [
    ['first on, first off', ['still', 'hidden']],
    ['first on, last off', ['hidden', 'still']],
  ];
  for (const [name, offOrder] of orders)
    for (const first of ['still', 'hidden'] as const) {
      it(`gives the page its exact attributes back (${first} ${name})`, () => {
        const element = image();
        const html = element.outerHTML;
        const second = first === 'still' ? 'hidden' : 'still';
        claim(element, first, { src: `${first}.png`, tabindex: '0' });
        claim(element, second, { src: `${second}.png`, srcset: `${second}.png` });
        // Hidden outranks still, whatever came first.
        expect(element.getAttribute('src')).toBe('hidden.png');
        expect(element.getAttribute('tabindex')).toBe('0');
        const remaining = offOrder[0] === first ? second : first;
        release(element, offOrder[0] === first ? first : second);
        expect(element.getAttribute('src')).toBe(`${remaining}.png`);
        release(element, remaining);
        expect(element.outerHTML).toBe(html);
      });
    }

  it('knows the page’s own values and who else claims', () => {
    const element = image();
    claim(element, 'hidden', { src: 'box.svg' });
    expect(pageValue(element, 'src')).toBe('a.gif');
    expect(pageValue(element, 'alt')).toBe('A');
    expect(claimedByOther(element, 'still')).toBe(true);
    expect(claimedByOther(element, 'hidden')).toBe(false);
    release(element, 'hidden');
    release(element, 'hidden');
    expect(element.getAttribute('src')).toBe('a.gif');
  });

  it('a new claim by the same feature replaces its old one (a played image keeps only its tab stop)', () => {
    const element = image();
    const html = element.outerHTML;
    claim(element, 'still', { src: 'still.png', tabindex: '0', 'aria-description': 'paused' });
    claim(element, 'still', { tabindex: '0' });
    expect(element.getAttribute('src')).toBe('a.gif');
    expect(element.hasAttribute('aria-description')).toBe(false);
    release(element, 'still');
    expect(element.outerHTML).toBe(html);
  });
});

describe('the box of an image of another site', () => {
  it('has the image’s size, its alt text and a play sign inside the box, even when tiny', () => {
    const svg = decodeURIComponent(pausedPlaceholder(60, 40, 'A light').split(',')[1]);
    expect(svg).toContain('width="60" height="40"');
    expect(svg).toContain('A light');
    expect(svg).toContain('<circle');
    for (const [width, height] of [
      [60, 40],
      [10, 10],
    ]) {
      const [, x, y, r] = playMark(width, height).match(/translate\(([\d.]+) ([\d.]+)\)"><circle r="([\d.]+)"/) ?? [];
      expect(Number(x) - Number(r)).toBeGreaterThanOrEqual(0);
      expect(Number(y) - Number(r)).toBeGreaterThanOrEqual(0);
    }
  });
});
