/**
 * Reading mode in Debian's Chromium with the built extension: opened and
 * closed through the command path, what the reader shows, every control's
 * effect on computed style, isolation from hostile page CSS, the fallback for
 * non-article pages, focus and scroll given back, axe-core in every theme.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../support/axe';
import { clickInFrame, type ExtensionSession, runCommand, tabIdOf, waitForReaderFrame, waitForReaderGone } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

async function openReader(target = page): Promise<Frame> {
  expect(await runCommand(session, target, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: true });
  const frame = await waitForReaderFrame(target);
  await frame.waitForSelector('#article:not([hidden]), #notice:not([hidden])');
  return frame;
}

const style = (frame: Frame, selector: string, property: string) =>
  frame.$eval(selector, (element, property) => getComputedStyle(element).getPropertyValue(property), property);

async function choose(frame: Frame, selector: string, value: string): Promise<void> {
  const more = await frame.$('#more');
  if (more && !(await more.evaluate((details) => (details as HTMLDetailsElement).open))) await frame.click('#more summary');
  await frame.selectOption(selector, value);
}

describe('reading mode', () => {
  it('shows the METI release without navigation, and gives the page back exactly on Esc', async () => {
    await page.goto(server.url('meti-release.html'));
    await page.focus('a.easy-browsing');
    await page.evaluate(() => window.scrollTo(0, 400));
    const original = await page.evaluate(() => document.documentElement.outerHTML);

    const frame = await openReader();
    expect(await frame.textContent('#article-title')).toContain('Sixth Meeting of the Japan-China Joint IP Working Group');
    const content = (await frame.textContent('#content')) ?? '';
    expect(content).toContain('On December 13, 2017, the Ministry of Economy, Trade and Industry');
    expect(content).toContain('This seminar is part of the activities involving Japan-China cooperation in IP protection.');
    expect(content).not.toContain('Font Size Change');
    expect(content).not.toContain('All Rights Reserved');
    const facts = await frame.textContent('#meta');
    expect(facts).toContain('December 15, 2017');
    expect(facts).toContain('Office for Intellectual Property Right Protection');
    // The reader announces itself and takes focus.
    expect(await frame.getAttribute('#main', 'aria-label')).toContain('Reading mode');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('article-title');
    expect(await page.evaluate(() => document.body.hasAttribute('inert'))).toBe(true);

    await frame.press('#article-title', 'Escape');
    await waitForReaderGone(page);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('easy-browsing');
    expect(await page.evaluate(() => window.scrollY)).toBe(400);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });

  it('closes with the same command that opened it', async () => {
    await page.goto(server.url('meti-release.html'));
    await openReader();
    expect(await runCommand(session, page, 'toggle-reading-mode')).toEqual({ ok: true, readerOpen: false });
    await waitForReaderGone(page);
  });

  it('keeps ruby, tables and Japanese language on the Japanese page, with vertical writing on offer', async () => {
    await page.goto(server.url('japanese-gov.html'));
    const frame = await openReader();
    expect(await frame.getAttribute('#article', 'lang')).toBe('ja');
    expect(await frame.$$eval('#content ruby rt', (elements) => elements.length)).toBeGreaterThan(0);
    expect(await frame.$$eval('#content table', (elements) => elements.length)).toBeGreaterThan(0);
    await choose(frame, '#spacing-preset', 'japanese');
    await expect.poll(() => style(frame, '#article', 'letter-spacing')).not.toBe('normal');
    await frame.check('#vertical');
    await expect.poll(() => style(frame, '#article', 'writing-mode')).toBe('vertical-rl');
  });

  it('changes what the reader looks like with every control', async () => {
    await page.goto(server.url('meti-release.html'));
    const frame = await openReader();
    const size = async () => Number.parseFloat(await style(frame, '#article', 'font-size'));
    const before = await size();
    await frame.click('#larger');
    await expect.poll(size).toBeCloseTo(before * 1.1, 1);

    await frame.selectOption('#theme', 'yellow-on-black');
    await expect.poll(() => style(frame, '#reader', 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await style(frame, '#article', 'color')).toBe('rgb(255, 255, 0)');
    await frame.selectOption('#font', 'opendyslexic');
    await expect.poll(() => style(frame, '#article', 'font-family')).toContain('OpenDyslexic');
    await choose(frame, '#line-height', '2');
    await expect.poll(async () => Number.parseFloat(await style(frame, '#article', 'line-height')) / (await size())).toBeCloseTo(2, 1);
    await choose(frame, '#letter-spacing', '0.12');
    await expect.poll(() => style(frame, '#article', 'letter-spacing')).not.toBe('normal');
    await choose(frame, '#word-spacing', '0.16');
    await expect.poll(() => style(frame, '#article', 'word-spacing')).not.toBe('0px');
    await choose(frame, '#width', 'narrow');
    await expect.poll(() => style(frame, '#article', 'max-width')).toMatch(/px$/);
    const narrow = Number.parseFloat(await style(frame, '#article', 'max-width'));
    await choose(frame, '#width', 'wide');
    await expect.poll(async () => Number.parseFloat(await style(frame, '#article', 'max-width'))).toBeGreaterThan(narrow);
    await choose(frame, '#align', 'justify');
    await expect.poll(() => style(frame, '#content', 'text-align')).toBe('justify');
    // Remembered: a new reader on another page starts with the same look.
    await frame.press('body', 'Escape');
    await page.goto(server.url('px-only.html'));
    const again = await openReader();
    expect(await style(again, '#reader', 'background-color')).toBe('rgb(0, 0, 0)');
    expect(await style(again, '#article', 'font-family')).toContain('OpenDyslexic');
  });

  it('looks the same on a page whose CSS attacks everything with !important', async () => {
    await page.goto(server.url('meti-release.html'));
    const calm = await openReader();
    const look = async (frame: Frame) => ({
      title: await style(frame, '#article-title', 'font-family'),
      size: await style(frame, '#content p', 'font-size'),
      colour: await style(frame, '#content p', 'color'),
      background: await style(frame, '#reader', 'background-color'),
      frameBox: await (await frame.frameElement()).evaluate((element) => {
        if (!(element instanceof Element)) return null;
        const box = element.getBoundingClientRect();
        return [box.width, box.height, getComputedStyle(element).opacity];
      }),
    });
    const expected = await look(calm);
    await calm.press('body', 'Escape');
    await page.goto(server.url('hostile-css.html'));
    const hostile = await openReader();
    expect(await look(hostile)).toEqual(expected);
  });

  it('shows figures with their alt text, and hides images on request', async () => {
    await page.goto(server.url('hostile-css.html'));
    const frame = await openReader();
    expect(await frame.getAttribute('#content figure img', 'alt')).toContain('Bar chart');
    expect(await style(frame, '#content figure img', 'display')).not.toBe('none');
    await frame.click('#more summary');
    await frame.uncheck('#images');
    await expect.poll(() => style(frame, '#content figure img', 'display')).toBe('none');
  });

  it('answers the keyboard: + and - change the size, R reads aloud, Tab stays inside', async () => {
    await page.goto(server.url('meti-release.html'));
    const frame = await openReader();
    const size = async () => Number.parseFloat(await style(frame, '#article', 'font-size'));
    const before = await size();
    await frame.press('#article-title', '+');
    await expect.poll(size).toBeCloseTo(before * 1.1, 1);
    await frame.press('#article-title', '-');
    await expect.poll(size).toBeCloseTo(before, 1);
    // R with no speech engine at all (this test removes it) explains instead of failing silently.
    await frame.evaluate(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
    await frame.press('#article-title', 'r');
    await expect.poll(() => frame.textContent('#notice')).toContain('Read aloud is not available');
    // Shift+Tab from the first control wraps to the last one inside the reader, not to the page behind.
    await frame.focus('#close');
    await frame.press('#close', 'Shift+Tab');
    expect(await frame.evaluate(() => document.activeElement?.closest('#reader') !== null)).toBe(true);
    // The page's focus is on our layer (its host: the frame sits in a closed shadow root), not on the page.
    expect(
      await page.evaluate(
        () => document.activeElement?.shadowRoot === null && document.activeElement?.parentElement === document.documentElement,
      ),
    ).toBe(true);
  });

  it('shows a listing page as simplified main content, and says so', async () => {
    await page.goto(server.url('listing-index.html'));
    const frame = await openReader();
    expect(await frame.isVisible('#notice')).toBe(true);
    expect(await frame.textContent('#notice')).toContain('not an article');
    expect((await frame.$$eval('#content a', (links) => links.length)) > 10).toBe(true);
  });

  it('says clearly when a page has nothing to read, instead of a blank overlay', async () => {
    await page.goto(server.url('empty.html'));
    const frame = await openReader();
    expect(await frame.textContent('#notice')).toContain('found no text');
    expect(await frame.isHidden('#article')).toBe(true);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('close');
    await clickInFrame(page, frame, '#close');
    await waitForReaderGone(page);
  });

  it('has a table of contents when the article has three or more headings', async () => {
    await page.goto(server.url('japanese-gov.html'));
    const frame = await openReader();
    const headings = await frame.$$eval('#content :is(h2, h3, h4)', (elements) => elements.length);
    expect(await frame.isVisible('#toc')).toBe(headings >= 3);
  });

  it('opens from the popup button', async () => {
    await page.goto(server.url('meti-release.html'));
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, page)}`);
    await popup.click('#reading-mode');
    await waitForReaderFrame(page);
  });
});

describe('reading mode accessibility', () => {
  it.each(['light', 'sepia', 'dark', 'black-on-yellow', 'yellow-on-black', 'gov-white', 'gov-black', 'gov-blue'])(
    'has no axe-core violations in the %s theme',
    async (theme) => {
      await page.goto(server.url('meti-release.html'));
      const frame = await openReader();
      await frame.selectOption('#theme', theme);
      await expect.poll(() => frame.getAttribute('#reader', 'data-theme')).toBe(theme);
      await frame.click('#more summary');
      const violations = await axeViolations(frame);
      expect(violations).toEqual([]);
    },
  );
});

describe('read aloud', () => {
  it('reads sentence by sentence in order, highlighting the current one, from the sentence clicked', async () => {
    await page.goto(server.url('meti-release.html'));
    const frame = await openReader();
    // Headless Chromium has no speech voices, so this STUB stands in for speechSynthesis:
    // it records each utterance and "speaks" it instantly; everything else is the real reader.
    await frame.evaluate(() => {
      const spoken: string[] = [];
      const queue: SpeechSynthesisUtterance[] = [];
      let speaking = false;
      const next = () => {
        const utterance = queue.shift();
        if (!utterance) {
          speaking = false;
          return;
        }
        speaking = true;
        spoken.push(utterance.text);
        setTimeout(() => {
          utterance.onend?.(new Event('end') as SpeechSynthesisEvent);
          utterance.dispatchEvent(new Event('end'));
          next();
        }, 30);
      };
      const stub = {
        speak(utterance: SpeechSynthesisUtterance) {
          queue.push(utterance);
          if (!speaking) next();
        },
        cancel() {
          queue.length = 0;
          speaking = false;
        },
        pause() {},
        resume() {},
        // No voices, as in headless Chromium: the browser's default voice for the language is used.
        getVoices: () => [],
        addEventListener() {},
        get speaking() {
          return speaking;
        },
      };
      Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
      (window as unknown as { __spoken: string[] }).__spoken = spoken;
    });
    // Click the second sentence of the first paragraph, then play: reading starts there.
    const start = await frame.evaluate(() => {
      const paragraph = document.querySelector('#content p') as HTMLElement;
      const text = paragraph.firstChild as Text;
      const offset = (text.data.indexOf('This meeting is part') as number) + 3;
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      const box = range.getBoundingClientRect();
      return { x: box.left + 1, y: box.top + box.height / 2 };
    });
    await frame.click('#content p', {
      position: await frame.$eval(
        '#content p',
        (element, point) => {
          const box = element.getBoundingClientRect();
          return { x: point.x - box.left, y: point.y - box.top };
        },
        start,
      ),
    });
    await frame.click('#play');
    const spokenText = () => frame.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.join(' | '));
    await expect.poll(spokenText).toContain('Taking this opportunity');
    // Long sentences are spoken in chunks (Chrome cuts off long utterances), in order, from the clicked sentence on.
    const spoken = await spokenText();
    expect(spoken).toMatch(/^This meeting is part of the efforts/);
    expect(spoken).not.toContain('On December 13');
    expect(spoken.indexOf('the first time since the Tokyo meeting in June 2016.')).toBeLessThan(spoken.indexOf('Taking this opportunity'));
    expect(await frame.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('easyread-sentence'))).toBe(
      true,
    );
    await frame.click('#stop');
    await expect.poll(() => frame.getAttribute('#play', 'aria-pressed')).toBe('false');
  });
});
