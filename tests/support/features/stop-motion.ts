/** Stop motion on the live page: nothing running, media paused (the page's play still works), still GIFs, undone exactly. */
import { expect } from 'vitest';
import { feature } from '../../../src/features/stop-motion';
import { type FeatureScenarios, painted } from '../feature-scenarios';
import { startFixtureServer } from '../fixture-server';
import { type LivePage, snapshot } from '../live-page-scenarios';
import { centreColours, rowLooks } from '../motion-samples';
import { evaluateIn, focusedId } from '../page-checks';

const FIELD = Object.keys(feature.fields)[0];

const runningAnimations = (page: LivePage) =>
  evaluateIn(page, () => document.getAnimations().filter((animation) => animation.playState === 'running').length, undefined);

const paused = (page: LivePage, id: string) => evaluateIn(page, (id) => (document.getElementById(id) as HTMLAudioElement).paused, id);

const focus = (page: LivePage, id: string) => evaluateIn(page, (id) => (document.getElementById(id) as HTMLElement).focus(), id);

/** Polls until the image at the selector shows one look over its samples (frozen). */
const expectStill = (page: LivePage, selector: string) =>
  expect.poll(async () => (await centreColours(page, selector)).length, { timeout: 15_000 }).toBe(1);

/** Polls until the image at the selector shows more than one look over its samples (it plays). */
const expectMoving = (page: LivePage, selector: string) =>
  expect.poll(async () => (await centreColours(page, selector)).length, { timeout: 15_000 }).toBeGreaterThan(1);

export const scenarios: FeatureScenarios = {
  'stops animations, transitions, autoplay, the GIF and the marquee; the page’s own play works; off resumes exactly': async (harness) => {
    const page = await harness.open('calm-page.html');
    await painted(page);
    // Moving before: the checks below can fail.
    expect(await runningAnimations(page)).toBeGreaterThan(0);
    await expect.poll(() => paused(page, 'tune'), { timeout: 10_000 }).toBe(false);
    expect((await centreColours(page, '#gif')).length).toBeGreaterThan(1);
    expect((await rowLooks(page, '#ticker')).length).toBeGreaterThan(1);
    const before = await snapshot(page);

    await harness.setGlobal({ [FIELD]: true });
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => paused(page, 'tune'), { timeout: 10_000 }).toBe(true);
    expect(await centreColours(page, '#gif')).toHaveLength(1);
    expect(await rowLooks(page, '#ticker')).toHaveLength(1);
    // Ended where it leads: the banner that fades in is fully shown.
    expect(await evaluateIn(page, () => getComputedStyle(document.getElementById('banner') as HTMLElement).opacity, undefined)).toBe('1');
    expect(await evaluateIn(page, () => getComputedStyle(document.documentElement).scrollBehavior, undefined)).toBe('auto');

    // The page's own play button still plays (the user asked).
    await page.click('#play');
    await expect.poll(() => paused(page, 'tune'), { timeout: 10_000 }).toBe(false);

    await harness.setGlobal({ [FIELD]: false });
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await centreColours(page, '#gif')).length).toBeGreaterThan(1);
    expect(await snapshot(page)).toBe(before);
  },

  'is there from the start when already on: nothing moves as the page loads': async (harness) => {
    await harness.setGlobal({ [FIELD]: true });
    const page = await harness.open('calm-page.html');
    await painted(page);
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => paused(page, 'tune'), { timeout: 10_000 }).toBe(true);
    expect(await centreColours(page, '#gif')).toHaveLength(1);
  },

  'a keyboard user plays a still image with Space or Enter; in a link the press plays it and the link still works; off leaves no trace':
    async (harness) => {
      const page = await harness.open('calm-page.html');
      await painted(page);
      // Before: the images are no tab stops (Tab goes from the button before them to the link).
      await focus(page, 'count');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('gif-link');
      const before = await snapshot(page);

      await harness.setGlobal({ [FIELD]: true });
      await expectStill(page, '#gif');
      await focus(page, 'count');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('gif');
      // Screen readers are told how to play it.
      expect(await evaluateIn(page, () => document.activeElement?.getAttribute('aria-description') ?? '', undefined)).toMatch(/Enter/);
      await page.keyboard.press(' ');
      await expectMoving(page, '#gif');
      expect(await focusedId(page)).toBe('gif');

      // The link itself follows as always; the still image inside it is the next tab stop, and Enter there plays it, staying.
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('gif-link');
      await page.keyboard.press('Enter');
      await expect.poll(() => evaluateIn(page, () => location.hash, undefined)).toBe('#linked');
      await evaluateIn(page, () => history.replaceState(null, '', location.pathname), undefined);
      await focus(page, 'gif-link');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('linked-gif');
      expect((await centreColours(page, '#linked-gif')).length).toBe(1);
      await page.keyboard.press('Enter');
      await expectMoving(page, '#linked-gif');
      expect(await evaluateIn(page, () => location.hash, undefined)).toBe('');
      expect(await focusedId(page)).toBe('linked-gif');

      // A played image leaves the tab order once focus has left it.
      await focus(page, 'count');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('gif-link');

      await harness.setGlobal({ [FIELD]: false });
      await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await snapshot(page)).toBe(before);
    },

  'stops what the page adds later: a marquee, a preloaded GIF, autoplaying audio; off lets them move and leaves them as added': async (
    harness,
  ) => {
    // What the added content looks like in HTML with nothing of ours on the page.
    const reference = await harness.open('calm-page.html');
    await evaluateIn(reference, () => (window as unknown as { addLater(): Promise<void> }).addLater(), undefined);
    const expected = await snapshot(reference);

    const page = await harness.open('calm-page.html');
    await painted(page);
    await harness.setGlobal({ [FIELD]: true });
    await expect.poll(() => runningAnimations(page), { timeout: 10_000 }).toBe(0);
    await evaluateIn(page, () => (window as unknown as { addLater(): Promise<void> }).addLater(), undefined);
    await expect.poll(() => paused(page, 'late-tune'), { timeout: 10_000 }).toBe(true);
    await expectStill(page, '#late-gif');
    expect(await rowLooks(page, '#late-ticker')).toHaveLength(1);

    await harness.setGlobal({ [FIELD]: false });
    await expect.poll(async () => (await rowLooks(page, '#late-ticker')).length, { timeout: 10_000 }).toBeGreaterThan(1);
    await expectMoving(page, '#late-gif');
    expect(await snapshot(page)).toBe(expected);
  },

  'another site’s GIF stops too, as a box with its alt text (never fetched again); it plays with Enter; off restores it': async (
    harness,
  ) => {
    // 127.0.0.2, a site the test copy has no access to: Firefox lets our script read images of sites we may access.
    const host = await startFixtureServer({ host: '127.0.0.2' });
    try {
      const page = await harness.open(`calm-other-site.html?from=${encodeURIComponent(host.origin)}`);
      await painted(page);
      const farBefore = await centreColours(page, '#far-gif');
      expect(farBefore.length).toBeGreaterThan(1);
      const before = await snapshot(page);

      await harness.setGlobal({ [FIELD]: true });
      await expectStill(page, '#far-gif');
      // A box of the same size, not a frame of the image.
      expect(farBefore).not.toContain((await centreColours(page, '#far-gif'))[0]);
      expect(await evaluateIn(page, () => (document.getElementById('far-gif') as Element).getBoundingClientRect().width, undefined)).toBe(
        60,
      );

      await focus(page, 'start');
      await page.keyboard.press('Tab');
      expect(await focusedId(page)).toBe('far-gif');
      await page.keyboard.press('Enter');
      await expectMoving(page, '#far-gif');

      await harness.setGlobal({ [FIELD]: false });
      await expectMoving(page, '#far-gif');
      expect(await snapshot(page)).toBe(before);
    } finally {
      await host.close();
    }
  },
};
