/**
 * Reading mode at the sizes of issue 11 (WCAG 1.4.10 reflow): at 320 × 256
 * the article is in view, and at 400 px wide with text at 300% nothing
 * scrolls sideways and the facts box stacks. Measured inside the reader
 * frame; shared by the Chromium and Firefox tests.
 */
import { expect } from 'vitest';
import { axeViolations } from './axe';
import { messages } from './locales';
import { evaluateIn, localizedTexts, type ScriptTarget } from './page-checks';

export interface ReaderLayout {
  viewportWidth: number;
  viewportHeight: number;
  /** Widest scrolling width of the document and the article area. */
  scrollWidth: number;
  toolbarHeight: number;
  /** Height of the article area that is inside the window. */
  articleAreaHeight: number;
  /** Whether the article's title is (at least partly) inside the article area. */
  titleInView: boolean;
  /** Left edges of the facts box's terms and values: equal when they stack. */
  factTermLeft: number;
  factValueLeft: number;
  articleFontSize: number;
}

export function readerLayout(frame: ScriptTarget): Promise<ReaderLayout> {
  return evaluateIn(
    frame,
    () => {
      const rect = (selector: string) => (document.querySelector(selector) as HTMLElement).getBoundingClientRect();
      const main = document.getElementById('main') as HTMLElement;
      const area = main.getBoundingClientRect();
      const visibleArea = Math.max(0, Math.min(area.bottom, window.innerHeight) - Math.max(area.top, 0));
      const title = rect('#article-title');
      return {
        viewportWidth: window.innerWidth,
        viewportHeight: window.innerHeight,
        scrollWidth: Math.max(document.documentElement.scrollWidth, main.scrollWidth),
        toolbarHeight: rect('#toolbar').height,
        articleAreaHeight: visibleArea,
        titleInView: title.bottom > Math.max(area.top, 0) && title.top < Math.min(area.bottom, window.innerHeight),
        factTermLeft: document.querySelector('#meta dt')?.getBoundingClientRect().left ?? -1,
        factValueLeft: document.querySelector('#meta dd')?.getBoundingClientRect().left ?? -1,
        articleFontSize: Number.parseFloat(getComputedStyle(document.getElementById('article') as HTMLElement).fontSize),
      };
    },
    undefined,
  );
}

/** Opens "More settings" in the reader toolbar, as a click on its summary would. */
export function openReaderSettings(frame: ScriptTarget): Promise<boolean> {
  return evaluateIn(
    frame,
    async () => {
      const more = document.getElementById('more') as HTMLDetailsElement;
      if (!more.open) (more.querySelector('summary') as HTMLElement).click();
      await new Promise(requestAnimationFrame);
      return more.open;
    },
    undefined,
  );
}

/** The last setting in "More settings" can be scrolled into view inside the toolbar (the panel scrolls). */
export function lastSettingReachable(frame: ScriptTarget): Promise<boolean> {
  return evaluateIn(
    frame,
    async () => {
      const last = document.getElementById('voice') as HTMLElement;
      last.scrollIntoView({ block: 'nearest' });
      await new Promise(requestAnimationFrame);
      const box = last.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    },
    undefined,
  );
}

/** Chooses a colour theme in the reader's own select, as a user does, and waits until the reader shows it. */
export async function chooseReaderTheme(frame: ScriptTarget, theme: string): Promise<void> {
  await evaluateIn(
    frame,
    (theme) => {
      const select = document.getElementById('theme') as HTMLSelectElement;
      select.value = theme;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    theme,
  );
  await expect.poll(() => evaluateIn(frame, () => document.getElementById('reader')?.dataset.theme, undefined)).toBe(theme);
}

/**
 * The reader with the browser in Japanese: its controls speak _locales/ja,
 * axe-core finds nothing in its light and dark themes with "More settings"
 * open, and read aloud with no voice (none in either headless browser here)
 * says so in Japanese.
 */
export async function expectReaderInJapanese(frame: ScriptTarget): Promise<void> {
  const ja = messages('ja');
  expect(await evaluateIn(frame, () => document.documentElement.lang, undefined)).toBe('ja');
  // The window title goes on with the article's title: "読書モード: …".
  const texts = (await localizedTexts(frame)).filter(([key]) => key !== 'readerTitle');
  expect(texts.length).toBeGreaterThan(15);
  for (const [key, text] of texts) expect(text, key).toBe(ja[key]?.message);
  expect(await evaluateIn(frame, () => document.title, undefined)).toMatch(new RegExp(`^${ja.readerTitle.message}: `));
  expect(await openReaderSettings(frame)).toBe(true);
  const found: Record<string, string[]> = {};
  for (const theme of ['light', 'dark']) {
    await chooseReaderTheme(frame, theme);
    found[theme] = await axeViolations(frame);
  }
  expect(found).toEqual({ light: [], dark: [] });
  await evaluateIn(frame, () => (document.getElementById('play') as HTMLButtonElement).click(), undefined);
  await expect
    .poll(() => evaluateIn(frame, () => document.querySelector('#notice:not([hidden])')?.textContent ?? '', undefined), { timeout: 10_000 })
    .toBe(ja.speechUnavailable.message);
}
