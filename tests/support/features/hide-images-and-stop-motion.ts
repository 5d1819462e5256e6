/**
 * Hide images and stop motion claim the same src of an image: switched on and
 * off in every order, each shows what it should while on, and every image
 * gets its exact attributes back.
 */
import { expect } from 'vitest';
import { feature as hideImages } from '../../../src/features/hide-images';
import { feature as stopMotion } from '../../../src/features/stop-motion';
import { type FeatureScenarios, painted } from '../feature-scenarios';
import { type LivePage, type LivePageHarness, snapshot } from '../live-page-scenarios';
import { centreColours, colourAtCentre } from '../motion-samples';

const STOP = Object.keys(stopMotion.fields)[0];
const HIDE = Object.keys(hideImages.fields)[0];
const RED = [221, 34, 34];
const isRed = (colour: number[]) => colour.every((channel, i) => Math.abs(channel - RED[i]) < 12);

/** Every order of two switches on, then off: A on, B on, A off, B off; A on, B on, B off, A off; and B first. */
const ORDERS: [string, boolean][][] = [
  [
    [STOP, true],
    [HIDE, true],
    [STOP, false],
    [HIDE, false],
  ],
  [
    [STOP, true],
    [HIDE, true],
    [HIDE, false],
    [STOP, false],
  ],
  [
    [HIDE, true],
    [STOP, true],
    [STOP, false],
    [HIDE, false],
  ],
  [
    [HIDE, true],
    [STOP, true],
    [HIDE, false],
    [STOP, false],
  ],
];

/** What the user sees with these switches: the photo hidden or not, the GIF still or moving (when not hidden). */
async function expectShown<P extends LivePage>(page: P, on: Record<string, boolean>): Promise<void> {
  await expect.poll(async () => isRed(await colourAtCentre(page, '#photo')), { timeout: 10_000 }).toBe(!on[HIDE]);
  if (on[HIDE]) return;
  if (on[STOP]) await expect.poll(async () => (await centreColours(page, '#gif')).length, { timeout: 15_000 }).toBe(1);
  else await expect.poll(async () => (await centreColours(page, '#gif')).length, { timeout: 15_000 }).toBeGreaterThan(1);
}

async function inEveryOrder<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('calm-page.html');
  await painted(page);
  await expectShown(page, {});
  const before = await snapshot(page);
  for (const order of ORDERS) {
    const on: Record<string, boolean> = {};
    for (const [field, value] of order) {
      on[field] = value;
      await harness.setGlobal({ [field]: value });
      await expectShown(page, on);
    }
    expect(await snapshot(page), order.map(([field, value]) => `${field} ${value ? 'on' : 'off'}`).join(', ')).toBe(before);
  }
}

export const scenarios: FeatureScenarios = {
  'with stop motion, in every order of on and off: each shows what it should, and every image gets its exact attributes back': inEveryOrder,
};
