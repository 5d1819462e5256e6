/** Colour tint over the live page: tinted pixels, clicks through, no trace after. */
import { expect } from 'vitest';
import { TINT_COLOURS } from '../../../src/features/colour-tint';
import { centreOf, type FeatureScenarios, painted } from '../feature-scenarios';
import { snapshot } from '../live-page-scenarios';
import { evaluateIn } from '../page-checks';
import { coloursAt } from '../pixels';

const hex = (colour: string) => [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));

export const scenarios: FeatureScenarios = {
  'tints the whole page, lets clicks through to the page, and goes without a trace': async (harness) => {
    const page = await harness.open('calm-page.html');
    await painted(page);
    const blank = await centreOf(page, '#blank');
    const button = await centreOf(page, '#count');
    const colourAtBlank = async () => {
      await painted(page);
      return (await coloursAt(page, await page.screenshot(), [blank]))[0];
    };
    expect(await colourAtBlank()).toEqual([255, 255, 255]);
    const before = await snapshot(page);

    await harness.setGlobal({ pageTint: 'blue', pageTintStrength: 'strong' });
    // Multiplied over white at full strength: the tint's own colour.
    await expect.poll(colourAtBlank, { timeout: 10_000 }).toEqual(hex(TINT_COLOURS.blue));
    // Nothing of ours under the pointer: the page's button gets the click.
    expect(await evaluateIn(page, ([x, y]) => document.elementFromPoint(x, y)?.id, button)).toBe('count');
    await page.click('#count');
    expect(await evaluateIn(page, () => document.getElementById('count')?.textContent, undefined)).toBe('Pressed 1 times');

    await harness.setGlobal({ pageTint: 'off' });
    await expect.poll(colourAtBlank, { timeout: 10_000 }).toEqual([255, 255, 255]);
    expect(await snapshot(page)).toBe(before.replace('Pressed 0 times', 'Pressed 1 times'));
  },
};
