/**
 * Furigana on the live page (furigana.html): the scenarios shared by the Chromium and Firefox
 * tests. Each browser's file says how to open the page and write preferences; the checks are the same.
 */
import { expect } from 'vitest';
import { feature } from '../../src/features/furigana';
import { evaluateIn, type ScriptTarget } from './page-checks';
import { openReaderSettings } from './reader-reflow';

export const PAGE = 'furigana.html';

export interface FuriganaBrowser {
  page: ScriptTarget;
  /** Writes global preferences, as the popup and options page do. */
  setPreferences(patch: Record<string, unknown>): Promise<void>;
}

const outerHtml = (page: ScriptTarget) => evaluateIn(page, () => document.documentElement.outerHTML, undefined);

async function waitUntil<A>(page: ScriptTarget, check: (arg: A) => boolean, arg: A, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await evaluateIn(page, check, arg))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Our ruby's wrapper is `<token>-f` (a random token per page load, src/content/page-names.ts); found by shape. */

/** Each ruby in an element as "base:reading", with whether the reading is drawn (it has a box of its own). */
function rubyIn(page: ScriptTarget, selector: string): Promise<string[]> {
  return evaluateIn(
    page,
    (selector) =>
      [...(document.querySelector(selector)?.querySelectorAll('ruby') ?? [])].map((ruby) => {
        const rt = ruby.querySelector('rt');
        const base = [...ruby.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('');
        const box = rt?.getBoundingClientRect();
        const drawn = box !== undefined && box.width > 0 && box.height > 0 && getComputedStyle(rt as Element).display !== 'none';
        return `${base}:${rt?.textContent ?? ''}${drawn ? '' : ' (not drawn)'}`;
      }),
    selector,
  );
}

const hasRuby = (selector: string) => (page: ScriptTarget) =>
  evaluateIn(
    page,
    (selector) =>
      [...document.querySelectorAll(`${selector} ruby`)].some((ruby) => /^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? '')),
    selector,
  );

async function waitForRuby(page: ScriptTarget, selector: string): Promise<void> {
  await waitUntil(
    page,
    (selector) =>
      [...document.querySelectorAll(`${selector} ruby`)].some((ruby) => /^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? '')),
    selector,
    `ruby in ${selector}`,
  );
}

/** What must never change: form values, editable text, code, Chinese text, the page's own ruby. */
async function untouched(page: ScriptTarget) {
  return evaluateIn(
    page,
    () => ({
      search: (document.getElementById('search') as HTMLInputElement).value,
      opinion: (document.getElementById('opinion') as HTMLTextAreaElement).value,
      editor: document.getElementById('editor')?.innerHTML,
      code: document.getElementById('code')?.innerHTML,
      pre: document.getElementById('pre')?.innerHTML,
      chinese: document.getElementById('chinese')?.innerHTML,
      // The page's own ruby: still one, with its reading once, outside anything of ours.
      existing: [...(document.getElementById('existing')?.querySelectorAll('ruby') ?? [])]
        .filter((ruby) => !/^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? ''))
        .map((ruby) => ruby.outerHTML),
    }),
    undefined,
  );
}

export async function readsEachLevelAndGivesThePageBack(browser: FuriganaBrowser): Promise<void> {
  const { page } = browser;
  await waitUntil(page, () => document.readyState === 'complete', undefined, 'the page');
  const before = await outerHtml(page);
  const kept = await untouched(page);
  expect(await rubyIn(page, '#prose')).toEqual([]);

  await browser.setPreferences({ pageFurigana: 'all' });
  await waitForRuby(page, '#vertical');
  await waitForRuby(page, '#halfwidth');
  expect(await rubyIn(page, '#prose')).toEqual(['税関:ぜいかん', '輸入:ゆにゅう', '貨物:かもつ', '検査:けんさ']);
  expect(await rubyIn(page, '#easy')).toEqual(['日本:にほん', '山:やま', '川:かわ', '見:み', '行:い']);
  expect(await rubyIn(page, '#okurigana')).toEqual(['取:と', '扱:あつか', '問:と', '合:あ']);
  expect(await rubyIn(page, '#vertical')).toEqual(['地理:ちり', '的:てき', '表示:ひょうじ', '保護:ほご', '制度:せいど']);
  expect(await rubyIn(page, '#halfwidth')).toEqual(['料金:りょうきん', '支払:しはら']);
  // The page's own ruby is kept and not doubled; the text around it gets readings.
  expect(await rubyIn(page, '#existing')).toEqual(['経済:けいざい', '話:はなし', '重要:じゅうよう']);
  expect(await untouched(page)).toEqual(kept);

  await browser.setPreferences({ pageFurigana: 'grade-5' });
  await waitUntil(page, () => document.querySelector('#easy ruby') === null, undefined, 'no ruby over grade 1 kanji');
  await waitForRuby(page, '#vertical');
  // 貨物 (grade 4 and 3) is below the level; 税関, 輸入, 検査 have a grade-5 kanji.
  expect(await rubyIn(page, '#prose')).toEqual(['税関:ぜいかん', '輸入:ゆにゅう', '検査:けんさ']);
  // 品 (grade 3) is a word of its own after 模倣 and gets no reading at this level.
  expect(await rubyIn(page, '#title')).toEqual(['模倣:もほう', '海賊版:かいぞくばん', '対策:たいさく']);
  expect(await hasRuby('#rare')(page)).toBe(true);

  await browser.setPreferences({ pageFurigana: 'non-joyo' });
  await waitUntil(page, () => document.querySelector('#prose ruby') === null, undefined, 'no ruby over 常用漢字');
  await waitForRuby(page, '#rare');
  expect(await rubyIn(page, '#rare')).toEqual(['鞄:かばん']);
  expect(await rubyIn(page, '#title')).toEqual([]);
  expect(await untouched(page)).toEqual(kept);

  await browser.setPreferences({ pageFurigana: 'off' });
  await waitUntil(page, (html) => document.documentElement.outerHTML === html, before, 'the page as it was');
  expect(await outerHtml(page)).toBe(before);
}

export async function readsLateContentAndScalesWithTextSize(browser: FuriganaBrowser): Promise<void> {
  const { page } = browser;
  await waitUntil(page, () => document.readyState === 'complete', undefined, 'the page');
  const before = await outerHtml(page);
  await browser.setPreferences({ pageFurigana: 'all' });
  await waitForRuby(page, '#prose');
  const rtSize = () =>
    evaluateIn(page, () => Number.parseFloat(getComputedStyle(document.querySelector('#prose rt') as Element).fontSize), undefined);
  const plain = await rtSize();

  await evaluateIn(page, () => (document.getElementById('add') as HTMLButtonElement).click(), undefined);
  await waitForRuby(page, '#added');
  expect(await rubyIn(page, '#added')).toEqual(['警察庁:けいさつちょう', '新:あたら', '対策:たいさく', '発表:はっぴょう']);

  await browser.setPreferences({ textScale: 150 });
  await waitUntil(
    page,
    (plain) => Number.parseFloat(getComputedStyle(document.querySelector('#prose rt') as Element).fontSize) > plain * 1.4,
    plain,
    'larger readings',
  );
  expect(await rtSize()).toBeCloseTo(plain * 1.5, 0);

  await browser.setPreferences({ textScale: 100, pageFurigana: 'off' });
  await waitUntil(
    page,
    () =>
      ![...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]{1,7}-f$/.test(element.localName)) &&
      !/data-x[a-z0-9]{1,7}\b/.test(document.documentElement.outerHTML),
    undefined,
    'no trace',
  );
  const added = await evaluateIn(page, () => document.getElementById('late')?.outerHTML ?? '', undefined);
  expect(added).toBe('<div id="late"><p id="added">警察庁は新しい対策を発表しました。</p></div>');
  const withAdded = before.replace('<div id="late"></div>', added);
  expect(await outerHtml(page)).toBe(withAdded);
}

export interface FuriganaReaderBrowser extends FuriganaBrowser {
  /** Opens reading mode on the page and gives its frame once the article is shown. */
  openReader(): Promise<ScriptTarget>;
}

export async function readsTheReaderArticle(browser: FuriganaReaderBrowser): Promise<void> {
  await waitUntil(browser.page, () => document.readyState === 'complete', undefined, 'the page');
  await browser.setPreferences({ pageFurigana: 'grade-5' });
  await waitForRuby(browser.page, '#prose');
  const reader = await browser.openReader();
  await waitUntil(
    reader,
    () =>
      [...document.querySelectorAll('#content ruby')].some(
        (ruby) => /^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? '') && ruby.textContent === '税関ぜいかん',
      ),
    undefined,
    'ruby over 税関 in the reader',
  );
  // Zero-width breaks that BudouX puts between phrases where the browser lacks word-break: auto-phrase (Firefox) are left out.
  const words = await evaluateIn(
    reader,
    () => ({
      ours: [...document.querySelectorAll('#content ruby')]
        .filter((ruby) => /^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? ''))
        .map((ruby) => ruby.textContent?.replaceAll('\u200b', '')),
      own: [...document.querySelectorAll('#content ruby')]
        .filter((ruby) => !/^x[a-z0-9]{1,7}-f$/.test(ruby.parentElement?.localName ?? ''))
        .map((ruby) => ruby.textContent?.replaceAll('\u200b', '')),
    }),
    undefined,
  );
  expect(words.ours).toContain('税関ぜいかん');
  expect(words.ours).not.toContain('日本にほん'); // grade 1: below the level
  expect(words.own).toEqual(['経済けいざい']); // the page's own ruby, kept once

  // The reader's toolbar has the setting too (under More settings), showing the level in words.
  expect(await openReaderSettings(reader)).toBe(true);
  expect(await selectedLevel(reader)).toEqual({ value: 'grade-5', label: 'Kanji from school grade 5 up' });
  await chooseLevel(reader, 'all');
  await waitUntil(
    reader,
    () => [...document.querySelectorAll('#content ruby')].some((ruby) => ruby.textContent?.replaceAll('\u200b', '') === '日本にほん'),
    undefined,
    'ruby over 日本 (grade 1) at "all kanji"',
  );
  await chooseLevel(reader, feature.fields.pageFurigana.default);
  await waitUntil(
    reader,
    () => ![...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]{1,7}-f$/.test(element.localName)),
    undefined,
    'no ruby of ours in the reader',
  );
  // The choice was saved like any preference: the live page follows it.
  await waitUntil(
    browser.page,
    () => ![...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]{1,7}-f$/.test(element.localName)),
    undefined,
    'no ruby of ours on the live page',
  );
}

function selectedLevel(reader: ScriptTarget): Promise<{ value: string; label: string }> {
  return evaluateIn(
    reader,
    () => {
      const select = document.getElementById('furigana') as HTMLSelectElement;
      return { value: select.value, label: select.selectedOptions[0]?.textContent ?? '' };
    },
    undefined,
  );
}

/** Picks a level in the reader toolbar's furigana select, as the keyboard or a click would (change event). */
function chooseLevel(reader: ScriptTarget, level: string): Promise<void> {
  return evaluateIn(
    reader,
    (level) => {
      const select = document.getElementById('furigana') as HTMLSelectElement;
      select.focus();
      select.value = level;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    level,
  );
}
