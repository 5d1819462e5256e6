/**
 * The reading ruler and read aloud on the live page, written once for Chromium and Firefox: what a
 * reader sees (the page dimmed outside a band that follows the pointer and the keyboard; the sentence
 * being read highlighted) and hears (the text and language handed to the speech engine, a stub here:
 * see speech-stub.ts), remembered per site, and gone without a trace when switched off.
 * Each browser's test file provides the harness (tests/e2e/{chromium,firefox}/page-tools.test.ts).
 */
import { expect } from 'vitest';
import { hasOurHost, highlightedText, lacksOurHost, ourHostAttribute } from './our-names';
import { evaluateIn, type ScriptTarget } from './page-checks';
import type { Point } from './pixels';
import { type InExtension, type SpokenUtterance, spoken, stubSpeech } from './speech-stub';

export interface ToolPage extends ScriptTarget {
  mouse: { move(x: number, y: number): Promise<unknown> };
  keyboard: { press(key: string): Promise<unknown>; down(key: string): Promise<unknown>; up(key: string): Promise<unknown> };
  screenshot(): Promise<Uint8Array>;
  reload(): Promise<unknown>;
  goto(url: string): Promise<unknown>;
}

export interface PageToolsHarness {
  url(path: string): string;
  /** A new tab on the fixture, once loaded, in the foreground. */
  open(path: string): Promise<ToolPage>;
  command(page: ToolPage, command: string): Promise<Record<string, unknown>>;
  tabIdOf(page: ToolPage): Promise<number>;
  /** Every setting back to its default, and pages loaded from now on get nothing applied. */
  clearPreferences(): Promise<void>;
  /** Changes the settings for all sites as the popup would. */
  setGlobal(patch: Record<string, unknown>): Promise<void>;
  inExtension: InExtension;
  /** The reader's frame in the tab, once there. */
  readerFrame(page: ToolPage): Promise<ScriptTarget>;
  /** Relative luminance (0 black … 1 white) of points of a screenshot. */
  luminance(png: Uint8Array, points: readonly Point[]): Promise<number[]>;
}

const outerHtml = (page: ScriptTarget) => evaluateIn(page, () => document.documentElement.outerHTML, undefined);

/** Brightness of points of the page as shown now, after a frame has been painted. */
async function brightness(h: PageToolsHarness, page: ToolPage, points: readonly Point[]): Promise<number[]> {
  await evaluateIn(page, () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))), undefined);
  return h.luminance(await page.screenshot(), points);
}

/** Waits until our shadow host of this kind ('l' ruler, 'r' read-aloud bar) is there, or gone. */
async function untilHost(target: ScriptTarget, kind: string, shown: boolean): Promise<void> {
  await expect.poll(() => evaluateIn(target, shown ? hasOurHost : lacksOurHost, kind), { timeout: 10_000 }).toBe(true);
}

async function shiftTab(page: ToolPage): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

/** The centre of the first element matching selector, in the viewport. */
async function centreOf(page: ToolPage, selector: string): Promise<{ x: number; y: number; top: number; height: number }> {
  return evaluateIn(
    page,
    (sel) => {
      const box = (document.querySelector(sel) as Element).getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.y, height: box.height };
    },
    selector,
  );
}

// x = 4: the page's plain margin, so only the ruler changes these points.
const TOP: Point = [4, 120];
const MIDDLE: Point = [4, 450];
const BOTTOM: Point = [4, 800];

export const rulerScenarios = {
  async 'dims the page above and below a band that follows the pointer, and lets clicks through'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    const before = await outerHtml(page);
    const plain = await brightness(h, page, [TOP, MIDDLE, BOTTOM]);
    await page.mouse.move(300, 450);

    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: true });
    await untilHost(page, 'l', true);
    await page.mouse.move(302, 450);
    const [top, middle, bottom] = await brightness(h, page, [TOP, MIDDLE, BOTTOM]);
    expect(top).toBeLessThan(plain[0] * 0.6);
    expect(bottom).toBeLessThan(plain[2] * 0.6);
    expect(middle).toBeCloseTo(plain[1], 2);

    // The band follows the pointer down the page.
    await page.mouse.move(300, 800);
    const [, middleAfter, bottomAfter] = await brightness(h, page, [TOP, MIDDLE, BOTTOM]);
    expect(middleAfter).toBeLessThan(plain[1] * 0.6);
    expect(bottomAfter).toBeCloseTo(plain[2], 2);

    // A click on the dimmed part still reaches the page.
    const underTop = await evaluateIn(page, ([x, y]) => document.elementFromPoint(x, y)?.localName, TOP);
    expect(underTop).not.toMatch(/^x[a-z0-9]+-l$/);

    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ ok: true, lineFocus: false });
    await untilHost(page, 'l', false);
    expect(await brightness(h, page, [TOP, MIDDLE, BOTTOM])).toEqual(plain.map((value) => expect.closeTo(value, 3)));
    expect(await outerHtml(page)).toBe(before);
  },

  async 'follows the keyboard focus'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    const LINK = 'a[href="#wrapper"]';
    // Keyboard focus (Tab), which shows a focus ring; the link scrolls into view.
    await evaluateIn(page, (sel) => (document.querySelector(sel) as HTMLElement).focus(), LINK);
    await shiftTab(page);
    const box = await centreOf(page, LINK);
    const inBand: Point = [4, Math.round(box.y)];
    const away: Point = [4, box.top > 450 ? 100 : 800];
    const plain = await brightness(h, page, [inBand, away]);

    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
    await untilHost(page, 'l', true);
    await page.keyboard.press('Tab');
    expect(await evaluateIn(page, (sel) => document.activeElement?.matches(sel), LINK)).toBe(true);
    const [inBandNow, awayNow] = await brightness(h, page, [inBand, away]);
    expect(inBandNow).toBeCloseTo(plain[0], 2);
    expect(awayNow).toBeLessThan(plain[1] * 0.6);
  },

  async 'is remembered for the site and comes back when the page loads again'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
    await untilHost(page, 'l', true);
    const stored = await h.inExtension(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.storage.sync.get('preferences')).preferences;
    }, undefined);
    expect(stored).toMatchObject({ pageLineFocus: true });
    await page.reload();
    await untilHost(page, 'l', true);
    // Hidden from assistive technology: it is only a visual aid.
    expect(await evaluateIn(page, ourHostAttribute, ['l', 'aria-hidden'] as [string, string])).toBe('true');
  },

  async 'works in reading mode too, switched by the same preference'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    expect(await h.command(page, 'toggle-reading-mode')).toMatchObject({ ok: true, readerOpen: true });
    const frame = await h.readerFrame(page);
    await expect
      .poll(() => evaluateIn(frame, () => document.querySelector('#article:not([hidden])') !== null, undefined), { timeout: 15_000 })
      .toBe(true);
    await page.mouse.move(640, 450);
    const plain = await brightness(h, page, [TOP, MIDDLE, BOTTOM]);

    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
    await untilHost(frame, 'l', true);
    await page.mouse.move(642, 450);
    // The band moves to the pointer in the reader's next frames (its code loads once the ruler is on): wait for it there.
    await expect.poll(async () => (await brightness(h, page, [MIDDLE]))[0], { timeout: 10_000 }).toBeCloseTo(plain[1], 2);
    const [top, , bottom] = await brightness(h, page, [TOP, MIDDLE, BOTTOM]);
    expect(top).toBeLessThan(plain[0] * 0.6);
    expect(bottom).toBeLessThan(plain[2] * 0.6);

    expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ lineFocus: false });
    await untilHost(frame, 'l', false);
  },

  async 'comes up on pages loaded just after another adjustment changed (automatic scripts re-registering)'(h: PageToolsHarness) {
    const page = await h.open('empty.html');
    for (let i = 0; i < 6; i++) {
      await h.setGlobal({ pageColours: 'yellow-on-black', pageLineFocus: false });
      // Long enough for the background to start re-registering, short enough to load the page while it does.
      await new Promise((done) => setTimeout(done, 300));
      await h.setGlobal({ pageColours: 'off', pageLineFocus: true });
      await page.goto(h.url(`large.html?load=${i}`));
      await untilHost(page, 'l', true);
    }
  },

  async 'survives hostile CSS and a strict Content-Security-Policy'(h: PageToolsHarness) {
    for (const path of ['hostile-css.html', 'strict-csp.html']) {
      await h.clearPreferences();
      const page = await h.open(path);
      const plain = await brightness(h, page, [TOP]);
      await page.mouse.move(300, 600);
      expect(await h.command(page, 'toggle-line-focus')).toMatchObject({ lineFocus: true });
      await untilHost(page, 'l', true);
      await page.mouse.move(302, 600);
      const [top] = await brightness(h, page, [TOP]);
      expect(top, path).toBeLessThan(plain[0] * 0.6 + 0.001);
    }
  },
};

export type RulerScenario = keyof typeof rulerScenarios;

const highlighted = (page: ScriptTarget, kind: string) => evaluateIn(page, highlightedText, kind);

/** The tab's read aloud with the speech stub in place; returns what it has said so far. */
async function speechReady(h: PageToolsHarness, page: ToolPage, speakMs?: number): Promise<(count?: number) => Promise<SpokenUtterance[]>> {
  const tabId = await h.tabIdOf(page);
  await stubSpeech(h.inExtension, tabId, speakMs);
  const said = () => spoken(h.inExtension, tabId);
  return async (count = 0) => {
    await expect.poll(async () => (await said()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
    return said();
  };
}

async function selectParagraph(page: ToolPage): Promise<void> {
  await evaluateIn(
    page,
    () => getSelection()?.selectAllChildren(document.querySelector('[data-probe="body-paragraph"]') as Element),
    undefined,
  );
}

export const readAloudScenarios = {
  async 'reads the selected text sentence by sentence, highlighting each, then leaves the page as it was'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    const before = await outerHtml(page);
    const saidSoFar = await speechReady(h, page);
    await selectParagraph(page);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'selection' });

    // Long sentences reach the engine in pieces (Chrome cuts off long utterances); the whole sentence is highlighted.
    const [first] = await saidSoFar(1);
    expect(first.text).toMatch(/^On December 13, 2017, the Ministry of Economy,/);
    expect(first.lang).toBe('en');
    const [sentence] = await highlighted(page, 's');
    expect(sentence).toMatch(
      /^On December 13, 2017, the Ministry of Economy, Trade and Industry\(METI\)held the Sixth Meeting .*\)in Beijing, China\.$/s,
    );
    await untilHost(page, 'r', true);

    // Then the next sentence, to the end of the selection; done, the bar goes.
    await untilHost(page, 'r', false);
    const said = await saidSoFar();
    expect(said.map((utterance) => utterance.text).join(' ')).toContain('This meeting is part of the efforts');
    expect(said.at(-1)?.text).toMatch(/June 2016\.$/);
    // Nothing of ours stays in the page.
    expect(await highlighted(page, 's')).toEqual([]);
    await evaluateIn(page, () => getSelection()?.removeAllRanges(), undefined);
    expect(await outerHtml(page)).toBe(before);
  },

  async 'reads Japanese text with a Japanese voice, each word once (no furigana repeated)'(h: PageToolsHarness) {
    const page = await h.open('japanese-gov.html');
    const saidSoFar = await speechReady(h, page);
    await selectParagraph(page);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'selection' });
    const [first] = await saidSoFar(1);
    expect(first.lang).toBe('ja');
    expect(first.text.startsWith('経済産業省は、')).toBe(true);
    expect(first.text).not.toContain('けいざいさんぎょうしょう');
  },

  async 'point to read: the block the pointer rests on is highlighted and read; Esc stops, then turns it off'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    const before = await outerHtml(page);
    // Each utterance lasts 10 s: still being spoken when the first Esc comes, however slow the machine.
    const saidSoFar = await speechReady(h, page, 10_000);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ ok: true, readAloud: 'pointing' });
    await untilHost(page, 'r', true);

    const heading = await centreOf(page, 'h2[data-probe="section-heading"]');
    await page.mouse.move(heading.x - 20, heading.y);
    await page.mouse.move(heading.x - 18, heading.y);
    await expect.poll(() => highlighted(page, 'b')).toEqual(['1. Outline of the IP WG']);
    const [said] = await saidSoFar(1);
    expect(said.text).toBe('1. Outline of the IP WG');

    // Keyboard: Tab to a link reads it.
    await evaluateIn(page, () => (document.querySelector('a[href="#wrapper"]') as HTMLElement).focus(), undefined);
    await shiftTab(page);
    await page.keyboard.press('Tab');
    const afterTab = await saidSoFar(2);
    expect(afterTab.at(-1)?.text).toBe('Page top');

    await page.keyboard.press('Escape');
    expect(await highlighted(page, 's')).toEqual([]);
    await untilHost(page, 'r', true);
    await page.keyboard.press('Escape');
    await untilHost(page, 'r', false);
    expect(await highlighted(page, 'b')).toEqual([]);
    await evaluateIn(page, () => (document.activeElement as HTMLElement | null)?.blur(), undefined);
    expect(await outerHtml(page)).toBe(before);
  },

  async 'point to read: a click on text reads it at once, a click on a link stays a link click'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    const saidSoFar = await speechReady(h, page);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ readAloud: 'pointing' });
    // Clicked without the pointer resting there first: only the click can start this reading.
    await evaluateIn(page, () => (document.querySelector('h2[data-probe="section-heading"]') as HTMLElement).click(), undefined);
    const [said] = await saidSoFar(1);
    expect(said.text).toBe('1. Outline of the IP WG');
    await evaluateIn(page, () => (document.querySelector('a[href="#wrapper"]') as HTMLElement).click(), undefined);
    await expect.poll(() => evaluateIn(page, () => location.hash, undefined)).toBe('#wrapper');
    expect(await saidSoFar()).toHaveLength(1);
  },

  async 'the same command turns point to read off again'(h: PageToolsHarness) {
    const page = await h.open('meti-release.html');
    await speechReady(h, page);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ readAloud: 'pointing' });
    await untilHost(page, 'r', true);
    expect(await h.command(page, 'read-aloud')).toMatchObject({ readAloud: 'off' });
    await untilHost(page, 'r', false);
  },
};

export type ReadAloudScenario = keyof typeof readAloudScenarios;
