/** Hide images on the live page: alt text in a box of the image's size, icons in controls kept, undone exactly. */
import { expect } from 'vitest';
import { feature } from '../../../src/features/hide-images';
import { boxInView, type FeatureScenarios, painted } from '../feature-scenarios';
import { type LivePage, snapshot } from '../live-page-scenarios';
import { evaluateIn } from '../page-checks';
import { coloursAt } from '../pixels';

const FIELD = Object.keys(feature.fields)[0];
const RED = [221, 34, 34];

/** An element's box in page coordinates (where the page's layout put it, wherever it is scrolled). */
const boxOf = (page: LivePage, selector: string) =>
  evaluateIn(
    page,
    (sel) => {
      const { left, top, width, height } = (document.querySelector(sel) as Element).getBoundingClientRect();
      // Rounded: the same place reads a few millionths apart at different scroll offsets (Firefox).
      const round = (value: number) => Math.round(value * 100) / 100;
      return { left: round(left + scrollX), top: round(top + scrollY), width: round(width), height: round(height) };
    },
    selector,
  );

/** What is drawn in an element's box: how many sampled points are the image's red, and how many are dark (text). */
async function drawnIn(page: LivePage, selector: string): Promise<{ red: number; dark: number }> {
  const { left, top, width, height } = await boxInView(page, selector);
  await painted(page);
  const points: [number, number][] = [];
  for (let y = Math.ceil(top) + 1; y < top + height - 1; y += 2)
    for (let x = Math.ceil(left) + 1; x < left + width - 1; x += 2) points.push([x, y]);
  const colours = await coloursAt(page, await page.screenshot(), points);
  return {
    red: colours.filter((colour) => colour.every((channel, i) => Math.abs(channel - RED[i]) < 12)).length,
    dark: colours.filter((colour) => Math.max(...colour) < 110).length,
  };
}

export const scenarios: FeatureScenarios = {
  'shows alt text in a box of the image’s size, keeps icons in buttons and links, and is undone exactly': async (harness) => {
    const page = await harness.open('calm-page.html');
    await painted(page);
    const photoBox = await boxOf(page, '#photo');
    const noAltBox = await boxOf(page, '#no-alt');
    expect((await drawnIn(page, '#photo')).dark).toBe(0);
    expect((await drawnIn(page, '#photo')).red).toBeGreaterThan(100);
    const before = await snapshot(page);

    await harness.setGlobal({ [FIELD]: true });
    await expect.poll(async () => (await drawnIn(page, '#photo')).red, { timeout: 10_000 }).toBe(0);
    // The alt text is drawn in the box; the image without alt is a plain box.
    expect((await drawnIn(page, '#photo')).dark).toBeGreaterThan(5);
    expect(await drawnIn(page, '#no-alt')).toEqual({ red: 0, dark: 0 });
    // Nothing moved.
    expect(await boxOf(page, '#photo')).toEqual(photoBox);
    expect(await boxOf(page, '#no-alt')).toEqual(noAltBox);
    // Screen readers hear the same.
    expect(await evaluateIn(page, () => (document.getElementById('photo') as HTMLImageElement).alt, undefined)).toBe('The harbour at dawn');
    // Icons of controls stay.
    expect((await drawnIn(page, '#icon-button img')).red).toBeGreaterThan(10);
    expect((await drawnIn(page, '#icon-link img')).red).toBeGreaterThan(10);
    expect(await evaluateIn(page, () => getComputedStyle(document.getElementById('hero') as HTMLElement).backgroundImage, undefined)).toBe(
      'none',
    );

    await harness.setGlobal({ [FIELD]: false });
    await expect.poll(async () => (await drawnIn(page, '#photo')).red, { timeout: 10_000 }).toBeGreaterThan(100);
    expect(await snapshot(page)).toBe(before);
  },
};
