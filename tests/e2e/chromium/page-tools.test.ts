/**
 * The reading ruler and read aloud on the live page, in Debian's Chromium
 * with the built extension: what a reader sees (the page dimmed outside a
 * band that follows the pointer and the keyboard; the sentence being read
 * highlighted) and hears (the text and language handed to the speech
 * engine, which is a stub here because headless Chromium has no voices),
 * remembered per site, and gone without a trace when switched off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  clearPreferences,
  type ExtensionSession,
  runCommand,
  setGlobalPreferences,
  storedPreferences,
  waitForReaderFrame,
} from '../../support/chromium';
import { type ContentWorld, contentWorld, spoken, stubSpeech } from '../../support/content-world';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { hasOurHost, highlightedText, lacksOurHost, ourHostAttribute } from '../../support/our-names';
import { luminanceAt, type Point } from '../../support/pixels';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function open(path: string): Promise<string> {
  await page.goto(server.url(path));
  await page.waitForLoadState('load');
  return page.evaluate(() => document.documentElement.outerHTML);
}

/** Brightness of points of the page as shown now, after a frame has been painted. */
async function brightness(points: readonly Point[]): Promise<number[]> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return luminanceAt(session.driver, await page.screenshot(), points);
}

const rulerShown = () => page.waitForFunction(hasOurHost, 'l', { timeout: 5_000 });

describe('reading ruler', () => {
  // x = 4: the page's plain margin, so only the ruler changes these points.
  const TOP: Point = [4, 120];
  const MIDDLE: Point = [4, 450];
  const BOTTOM: Point = [4, 800];

  it('dims the page above and below a band that follows the pointer, and lets clicks through', async () => {
    const before = await open('meti-release.html');
    const plain = await brightness([TOP, MIDDLE, BOTTOM]);
    await page.mouse.move(300, 450);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: true });
    await rulerShown();
    await page.mouse.move(302, 450);
    const [top, middle, bottom] = await brightness([TOP, MIDDLE, BOTTOM]);
    expect(top).toBeLessThan(plain[0] * 0.6);
    expect(bottom).toBeLessThan(plain[2] * 0.6);
    expect(middle).toBeCloseTo(plain[1], 2);

    // The band follows the pointer down the page.
    await page.mouse.move(300, 800);
    const [, middleAfter, bottomAfter] = await brightness([TOP, MIDDLE, BOTTOM]);
    expect(middleAfter).toBeLessThan(plain[1] * 0.6);
    expect(bottomAfter).toBeCloseTo(plain[2], 2);

    // A click on the dimmed part still reaches the page.
    const underTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, TOP);
    expect(underTop).not.toMatch(/^x[a-z0-9]+-l$/);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: false });
    await page.waitForFunction(lacksOurHost, 'l', { timeout: 5_000 });
    expect(await brightness([TOP, MIDDLE, BOTTOM])).toEqual(plain.map((value) => expect.closeTo(value, 3)));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('follows the keyboard focus', async () => {
    await open('meti-release.html');
    const link = page.locator('a[href="#wrapper"]');
    // Keyboard focus (Tab), which shows a focus ring; the link scrolls into view.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    const box = await link.boundingBox();
    if (!box) throw new Error('the link is not on screen');
    const inBand: Point = [4, Math.round(box.y + box.height / 2)];
    const away: Point = [4, box.y > 450 ? 100 : 800];
    const plain = await brightness([inBand, away]);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
    await rulerShown();
    await page.keyboard.press('Tab');
    const [inBandNow, awayNow] = await brightness([inBand, away]);
    expect(inBandNow).toBeCloseTo(plain[0], 2);
    expect(awayNow).toBeLessThan(plain[1] * 0.6);
  });

  it('is remembered for the site and comes back when the page loads again', async () => {
    await open('meti-release.html');
    await runCommand(session, page, 'toggle-line-focus');
    await rulerShown();
    expect((await storedPreferences(session)).preferences).toMatchObject({ pageLineFocus: true });
    await page.reload();
    await rulerShown();
    // Hidden from assistive technology: it is only a visual aid.
    expect(await page.evaluate(ourHostAttribute, ['l', 'aria-hidden'] as [string, string])).toBe('true');
  });

  it('works in reading mode too, switched by the same preference', async () => {
    await open('meti-release.html');
    expect(await runCommand(session, page, 'toggle-reading-mode')).toMatchObject({ ok: true, readerOpen: true });
    const frame = await waitForReaderFrame(page);
    await frame.waitForSelector('#article:not([hidden])');
    await page.mouse.move(640, 450);
    const plain = await brightness([TOP, MIDDLE, BOTTOM]);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
    await frame.waitForFunction(hasOurHost, 'l', { timeout: 5_000 });
    await page.mouse.move(642, 450);
    const [top, middle, bottom] = await brightness([TOP, MIDDLE, BOTTOM]);
    expect(top).toBeLessThan(plain[0] * 0.6);
    expect(bottom).toBeLessThan(plain[2] * 0.6);
    expect(middle).toBeCloseTo(plain[1], 2);

    expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ lineFocus: false });
    await frame.waitForFunction(lacksOurHost, 'l', { timeout: 5_000 });
  });

  it('comes up on pages loaded just after another adjustment changed (automatic scripts re-registering)', async () => {
    for (let i = 0; i < 6; i++) {
      await setGlobalPreferences(session, { pageColours: 'yellow-on-black', pageLineFocus: false });
      await page.waitForTimeout(300);
      await setGlobalPreferences(session, { pageColours: 'off', pageLineFocus: true });
      await page.goto(server.url(`large.html?load=${i}`));
      await rulerShown();
    }
  });

  it('survives hostile CSS and a strict Content-Security-Policy', async () => {
    for (const path of ['hostile-css.html', 'strict-csp.html']) {
      await clearPreferences(session);
      await open(path);
      const plain = await brightness([TOP]);
      await page.mouse.move(300, 600);
      expect(await runCommand(session, page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
      await rulerShown();
      await page.mouse.move(302, 600);
      const [top] = await brightness([TOP]);
      expect(top, path).toBeLessThan(plain[0] * 0.6 + 0.001);
    }
  });
});

async function highlighted(name: string): Promise<string[]> {
  return page.evaluate(highlightedText, name);
}

async function speechReady(): Promise<ContentWorld> {
  // The content script is there (sites are granted in tests); its world is where read aloud runs.
  await session.driver.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    await chrome.runtime.sendMessage({ type: 'attach-tab', tabId: tab.id });
  }, page.url());
  const world = await contentWorld(page, session.extensionId);
  await stubSpeech(world);
  return world;
}

async function waitForSpoken(world: ContentWorld, count: number): Promise<Awaited<ReturnType<typeof spoken>>> {
  for (let i = 0; i < 100; i++) {
    const said = await spoken(world);
    if (said.length >= count) return said;
    await page.waitForTimeout(50);
  }
  throw new Error(`fewer than ${count} utterances: ${JSON.stringify(await spoken(world))}`);
}

describe('read aloud on the page', () => {
  it('reads the selected text sentence by sentence, highlighting each, then leaves the page as it was', async () => {
    const before = await open('meti-release.html');
    const world = await speechReady();
    await page.evaluate(() => {
      const paragraph = document.querySelector('[data-probe="body-paragraph"]');
      if (paragraph) getSelection()?.selectAllChildren(paragraph);
    });
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'selection' });

    // Long sentences reach the engine in pieces (Chrome cuts off long utterances); the whole sentence is highlighted.
    const [first] = await waitForSpoken(world, 1);
    expect(first.text).toMatch(/^On December 13, 2017, the Ministry of Economy,/);
    expect(first.lang).toBe('en');
    const [sentence] = await highlighted('s');
    expect(sentence).toMatch(
      /^On December 13, 2017, the Ministry of Economy, Trade and Industry\(METI\)held the Sixth Meeting .*\)in Beijing, China\.$/s,
    );
    await page.waitForFunction(hasOurHost, 'r');

    // Then the next sentence, to the end of the selection; done, the bar goes.
    await page.waitForFunction(lacksOurHost, 'r', { timeout: 10_000 });
    const said = await spoken(world);
    expect(said.map((utterance) => utterance.text).join(' ')).toContain('This meeting is part of the efforts');
    expect(said.at(-1)?.text).toMatch(/June 2016\.$/);
    // Nothing of ours stays in the page.
    expect(await highlighted('s')).toEqual([]);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('reads Japanese text with a Japanese voice, each word once (no furigana repeated)', async () => {
    await open('japanese-gov.html');
    const world = await speechReady();
    await page.evaluate(() => {
      const paragraph = document.querySelector('[data-probe="body-paragraph"]');
      if (paragraph) getSelection()?.selectAllChildren(paragraph);
    });
    await runCommand(session, page, 'read-aloud');
    const [first] = await waitForSpoken(world, 1);
    expect(first.lang).toBe('ja');
    expect(first.text.startsWith('経済産業省は、')).toBe(true);
    expect(first.text).not.toContain('けいざいさんぎょうしょう');
  });

  it('point to read: the block the pointer rests on is highlighted and read; Esc stops, then turns it off', async () => {
    const before = await open('meti-release.html');
    const world = await speechReady();
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'pointing' });
    await page.waitForFunction(hasOurHost, 'r');

    const heading = await page.locator('h2[data-probe="section-heading"]').boundingBox();
    if (!heading) throw new Error('no heading on screen');
    await page.mouse.move(heading.x + 20, heading.y + heading.height / 2);
    await page.mouse.move(heading.x + 22, heading.y + heading.height / 2);
    expect(await highlighted('b')).toEqual(['1. Outline of the IP WG']);
    const [said] = await waitForSpoken(world, 1);
    expect(said.text).toBe('1. Outline of the IP WG');

    // Keyboard: Tab to a link reads it.
    await page.locator('a[href="#wrapper"]').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const afterTab = await waitForSpoken(world, 2);
    expect(afterTab.at(-1)?.text).toBe('Page top');

    await page.keyboard.press('Escape');
    expect(await highlighted('s')).toEqual([]);
    await page.waitForFunction(hasOurHost, 'r');
    await page.keyboard.press('Escape');
    await page.waitForFunction(lacksOurHost, 'r', { timeout: 5_000 });
    expect(await highlighted('b')).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  });

  it('point to read: a click on text reads it at once, a click on a link stays a link click', async () => {
    await open('meti-release.html');
    const world = await speechReady();
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ readAloud: 'pointing' });
    // Clicked without the pointer resting there first: only the click can start this reading.
    await page.evaluate(() => (document.querySelector('h2[data-probe="section-heading"]') as HTMLElement).click());
    const [said] = await waitForSpoken(world, 1);
    expect(said.text).toBe('1. Outline of the IP WG');
    await page.evaluate(() => (document.querySelector('a[href="#wrapper"]') as HTMLElement).click());
    await page.waitForFunction(() => location.hash === '#wrapper');
    expect(await spoken(world)).toHaveLength(1);
  });

  it('the same command turns point to read off again', async () => {
    await open('meti-release.html');
    await speechReady();
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ readAloud: 'pointing' });
    expect(await runCommand(session, page, 'read-aloud')).toMatchObject({ readAloud: 'off' });
    await page.waitForFunction(lacksOurHost, 'r', { timeout: 5_000 });
  });
});
