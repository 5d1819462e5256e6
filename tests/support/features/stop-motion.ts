/** Stop motion on the live page: nothing running, media paused (the page's play still works), a still GIF, undone exactly. */
import { expect } from 'vitest';
import { feature } from '../../../src/features/stop-motion';
import { centreOf, type FeatureScenarios, painted } from '../feature-scenarios';
import { type LivePage, snapshot } from '../live-page-scenarios';
import { evaluateIn } from '../page-checks';
import { coloursAt } from '../pixels';

const FIELD = Object.keys(feature.fields)[0];

const runningAnimations = (page: LivePage) =>
  evaluateIn(page, () => document.getAnimations().filter((animation) => animation.playState === 'running').length, undefined);

const tunePaused = (page: LivePage) => evaluateIn(page, () => (document.getElementById('tune') as HTMLAudioElement).paused, undefined);

/**
 * The GIF's colours over about two seconds, as distinct values. Its two frames
 * last 300 ms each, so samples a fixed interval apart could all land on one
 * frame (a screenshot plus a 500 ms wait is close to the 600 ms loop): the
 * waits between samples differ, and some are shorter than a frame.
 */
const SAMPLE_WAITS_MS = [80, 230, 140, 310, 60, 190, 270, 0];
async function gifColours(page: LivePage): Promise<string[]> {
  const centre = await centreOf(page, '#gif');
  const seen = new Set<string>();
  for (const wait of SAMPLE_WAITS_MS) {
    await painted(page);
    seen.add(String((await coloursAt(page, await page.screenshot(), [centre]))[0]));
    await evaluateIn(page, (ms) => new Promise((done) => setTimeout(done, ms)), wait);
  }
  return [...seen];
}

export const scenarios: FeatureScenarios = {
  'stops animations, transitions, autoplay, the GIF and the marquee; the page’s own play works; off resumes exactly': async (harness) => {
    const page = await harness.open('calm-page.html');
    await painted(page);
    // Moving before: the checks below can fail.
    expect(await runningAnimations(page)).toBeGreaterThan(0);
    await expect.poll(() => tunePaused(page), { timeout: 10_000 }).toBe(false);
    expect((await gifColours(page)).length).toBeGreaterThan(1);
    const before = await snapshot(page);

    await harness.setGlobal({ [FIELD]: true });
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => tunePaused(page), { timeout: 10_000 }).toBe(true);
    expect(await gifColours(page)).toHaveLength(1);
    // Ended where it leads: the banner that fades in is fully shown.
    expect(await evaluateIn(page, () => getComputedStyle(document.getElementById('banner') as HTMLElement).opacity, undefined)).toBe('1');
    expect(await evaluateIn(page, () => getComputedStyle(document.documentElement).scrollBehavior, undefined)).toBe('auto');

    // The page's own play button still plays (the user asked).
    await page.click('#play');
    await expect.poll(() => tunePaused(page), { timeout: 10_000 }).toBe(false);

    await harness.setGlobal({ [FIELD]: false });
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await gifColours(page)).length).toBeGreaterThan(1);
    expect(await snapshot(page)).toBe(before);
  },

  'is there from the start when already on: nothing moves as the page loads': async (harness) => {
    await harness.setGlobal({ [FIELD]: true });
    const page = await harness.open('calm-page.html');
    await painted(page);
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => tunePaused(page), { timeout: 10_000 }).toBe(true);
    expect(await gifColours(page)).toHaveLength(1);
  },
};
