/**
 * The live page on every kind of page (issue 9), written once for Chromium
 * and Firefox: each function drives a Playwright or Puppeteer page through a
 * harness that each browser's test file provides, and asserts what a reader
 * sees (computed sizes, colours, pixels, the HTML the page would save).
 */
import { expect } from 'vitest';
import { OUR_ATTRIBUTE } from './our-names';
import { evaluateIn, fontSizes, type ScriptTarget } from './page-checks';
import { luminanceAt, type Point } from './pixels';

export interface LivePage extends ScriptTarget {
  keyboard: { type(text: string): Promise<unknown>; press(key: string): Promise<unknown> };
  click(selector: string): Promise<unknown>;
  frames(): ScriptTarget[];
  screenshot(): Promise<Uint8Array>;
  evaluate(script: string): Promise<unknown>;
}

export interface LivePageHarness<P extends LivePage> {
  open(path: string): Promise<P>;
  command(page: P, command: string): Promise<{ ok: boolean; textScale?: number; error?: string; detail?: string }>;
  /** Changes settings for all sites as the popup would. */
  setGlobal(patch: Record<string, unknown>): Promise<void>;
}

const PROBES = '[data-probe]';
const TOLERANCE = 0.06;

export const snapshot = (target: ScriptTarget) => evaluateIn(target, () => document.documentElement.outerHTML, undefined);

/** Polls until every probe of the target has the expected size (a failing run shows the sizes last seen). */
export async function expectSizes(target: ScriptTarget, expected: number[], selector = PROBES): Promise<void> {
  await expect
    .poll(
      async () => {
        const sizes = await fontSizes(target, selector).catch(() => []);
        if (sizes.length !== expected.length) return `${sizes.length} elements instead of ${expected.length}`;
        const wrong = sizes.flatMap((size, i) => (Math.abs(size - expected[i]) <= TOLERANCE ? [] : [`#${i}: ${size} not ${expected[i]}`]));
        return wrong.length === 0 ? 'ok' : `${wrong.length} wrong: ${wrong.slice(0, 5).join(', ')}`;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe('ok');
}

const times = (sizes: number[], factor: number) => sizes.map((size) => size * factor);

/** Three steps larger: 150%. */
export async function enlargeTo150<P extends LivePage>(harness: LivePageHarness<P>, page: P): Promise<void> {
  for (const step of [110, 125, 150])
    expect(await harness.command(page, 'increase-text-size')).toMatchObject({ ok: true, textScale: step });
}

/** Sizes set inline with !important follow the step, a later edit of the page is kept, and reset gives the page back exactly. */
export async function inlineImportantSizes<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('inline-important.html');
  const original = await snapshot(page);
  const baseline = await fontSizes(page, PROBES);
  await enlargeTo150(harness, page);
  await expectSizes(page, times(baseline, 1.5));
  expect(await harness.command(page, 'reset-text-size')).toMatchObject({ ok: true, textScale: 100 });
  await expectSizes(page, baseline);
  expect(await snapshot(page)).toBe(original);

  // The page edits the element's style while it is scaled: the edit stays, the size stays scaled, and reset keeps the edit.
  await enlargeTo150(harness, page);
  await expectSizes(page, times(baseline, 1.5));
  await page.click('#recolour');
  const tiny = () =>
    evaluateIn(
      page,
      () => {
        const element = document.getElementById('tiny') as HTMLElement;
        return { size: getComputedStyle(element).fontSize, color: getComputedStyle(element).color, inline: element.style.fontSize };
      },
      undefined,
    );
  await expect.poll(tiny).toEqual({ size: '15px', color: 'rgb(160, 0, 0)', inline: '15px' });
  await harness.command(page, 'reset-text-size');
  await expectSizes(page, baseline);
  expect(await tiny()).toEqual({ size: '10px', color: 'rgb(160, 0, 0)', inline: '10px' });
  expect(await evaluateIn(page, () => document.getElementById('tiny')?.style.getPropertyPriority('font-size'), undefined)).toBe(
    'important',
  );
}

/** Every frame's first paragraph. */
function frameSizes(page: LivePage): Promise<number[]> {
  return Promise.all(
    page
      .frames()
      .map((frame) =>
        evaluateIn(frame, () => Number.parseFloat(getComputedStyle(document.querySelector('p') as Element).fontSize), undefined),
      ),
  );
}

/** srcdoc, about:blank, javascript: and sandboxed frames follow the size, and reset gives each back exactly. */
export async function framesOfEveryKind<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('frames.html');
  expect(page.frames()).toHaveLength(6);
  const originals = await Promise.all(page.frames().map(snapshot));
  const baseline = await frameSizes(page);
  expect(baseline).toEqual([16, 15, 15, 15, 15, 15]);
  await enlargeTo150(harness, page);
  await expect.poll(() => frameSizes(page), { timeout: 10_000 }).toEqual(times(baseline, 1.5));
  await harness.command(page, 'reset-text-size');
  await expect.poll(() => frameSizes(page), { timeout: 10_000 }).toEqual(baseline);
  expect(await Promise.all(page.frames().map(snapshot))).toEqual(originals);
}

async function srcdocFrame(page: LivePage): Promise<ScriptTarget> {
  for (const frame of page.frames()) {
    if ((await evaluateIn(frame, () => `${location.href} ${self.origin}`, undefined)).startsWith('about:srcdoc http')) return frame;
  }
  throw new Error('no srcdoc frame');
}

/** The contrast between the darkest and the lightest points of a box of the screenshot. */
async function contrastIn(page: LivePage, box: { x: number; y: number; width: number; height: number }): Promise<number> {
  const points: Point[] = [];
  for (let x = box.x + 2; x < box.x + box.width - 2; x += 3)
    for (let y = box.y + 2; y < box.y + box.height - 2; y += 2) points.push([x, y]);
  const luminance = await luminanceAt(page as unknown as Parameters<typeof luminanceAt>[0], await page.screenshot(), points);
  return (Math.max(...luminance) + 0.05) / (Math.min(...luminance) + 0.05);
}

/**
 * Under every dark colour scheme, a frame whose page we may not adjust (another origin, no access)
 * still shows its black text on a light background, and adjusted frames take the scheme.
 */
export async function framesReadableUnderSchemes<P extends LivePage>(harness: LivePageHarness<P>, foreignFrameUrl: string): Promise<void> {
  const page = await harness.open('frames.html');
  await evaluateIn(
    page,
    (url) =>
      new Promise((loaded) => {
        const frame = document.createElement('iframe');
        frame.id = 'foreign';
        frame.src = url;
        frame.addEventListener('load', loaded, { once: true });
        document.body.prepend(frame);
      }),
    foreignFrameUrl,
  );
  const foreignBox = await evaluateIn(page, () => document.getElementById('foreign')?.getBoundingClientRect().toJSON(), undefined);
  for (const scheme of ['white-on-black', 'yellow-on-black', 'blue', 'dark']) {
    await harness.setGlobal({ pageColours: scheme });
    await expect
      .poll(() => evaluateIn(page, () => getComputedStyle(document.body).backgroundColor, undefined))
      .not.toBe('rgba(0, 0, 0, 0)');
    // The srcdoc frame's text takes the scheme's colours too (7:1 or more is checked by the scheme tests).
    const srcdoc = await srcdocFrame(page);
    await expect
      .poll(() => evaluateIn(srcdoc, () => getComputedStyle(document.body).backgroundColor, undefined))
      .toBe(await evaluateIn(page, () => getComputedStyle(document.body).backgroundColor, undefined));
    expect(await contrastIn(page, foreignBox)).toBeGreaterThan(7);
  }
  await harness.setGlobal({ pageColours: 'off' });
}

/** Puts the caret at the end of an element's text. */
const caretAtEnd = (target: ScriptTarget, selector: string) =>
  evaluateIn(
    target,
    (sel) => {
      const element = document.querySelector(sel) as HTMLElement;
      (element.closest('[contenteditable]') as HTMLElement | null)?.focus();
      const range = document.createRange();
      range.selectNodeContents(element);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    },
    selector,
  );

/** Keys that are shortcuts elsewhere (reading mode's + − r), with and without Shift. */
const TYPED = ' +-=0.,r R+_)>';

/** A contenteditable page: text is scaled, typing is undisturbed, and nothing of ours lands in what the user edits. */
export async function editableBody<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('editable.html');
  const edited = () => evaluateIn(page, () => document.body.innerHTML, undefined);
  const originalBody = await edited();
  const baseline = await fontSizes(page, PROBES);
  expect(baseline).toEqual([28, 18, 16, 16, 12]);
  await enlargeTo150(harness, page);
  await expectSizes(page, times(baseline, 1.5));
  expect(await edited()).toBe(originalBody);

  await caretAtEnd(page, '#body-paragraph strong');
  await page.keyboard.type(TYPED);
  await page.keyboard.press('Enter');
  await page.keyboard.type('A new line');
  const paragraphText = await evaluateIn(page, () => document.getElementById('body-paragraph')?.textContent, undefined);
  expect(paragraphText?.replace(/\u00a0/g, ' ')).toBe(`Members agreed the budget. Next meeting in May.${TYPED}`);
  const typedBody = await edited();
  expect(typedBody).toContain('A new line');
  expect(typedBody).not.toMatch(/easyread|font-size/i);
  expect(typedBody).not.toMatch(OUR_ATTRIBUTE);
  // The new line is made of the same kinds of element as the others and gets the same scaled size with no work of ours.
  const newLine = await evaluateIn(
    page,
    () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent === 'A new line') return Number.parseFloat(getComputedStyle(node.parentElement as Element).fontSize);
      }
      return 0;
    },
    undefined,
  );
  expect(newLine).toBeCloseTo(16 * 1.5, 1);

  await harness.command(page, 'reset-text-size');
  // Enter copied the paragraph's attributes (data-probe and id too) into the new one: check the others by name.
  await expectSizes(page, [28, 18, 12], '[data-probe="heading"], [data-probe="lead"], [data-probe="small"]');
  await expect
    .poll(() => evaluateIn(page, () => getComputedStyle(document.getElementById('body-paragraph') as Element).fontSize, undefined))
    .toBe('16px');
  expect(await edited()).toBe(typedBody);
  expect(await snapshot(page)).not.toMatch(OUR_ATTRIBUTE);
}

/** An editor frame in designMode: scaled, typing undisturbed, and the message it would send holds only what was written. */
export async function designModeFrame<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('design-mode.html');
  const editor = page.frames()[1];
  const saved = () => evaluateIn(page, () => (window as unknown as { savedMessage(): string }).savedMessage(), undefined);
  const originalMessage = await saved();
  const baseline = await fontSizes(editor, PROBES);
  expect(baseline).toEqual([22, 14]);
  await enlargeTo150(harness, page);
  await expectSizes(editor, times(baseline, 1.5));
  expect(await saved()).toBe(originalMessage);
  await evaluateIn(page, () => document.getElementById('editor')?.focus(), undefined);
  await evaluateIn(editor, () => document.body.focus(), undefined);
  await caretAtEnd(editor, 'p');
  await page.keyboard.type(' Kind regards.');
  await expect.poll(saved).toContain('Kind regards.');
  const typed = await saved();
  expect(typed).not.toMatch(/easyread|font-size/i);
  expect(typed).not.toMatch(OUR_ATTRIBUTE);
  await harness.command(page, 'reset-text-size');
  await expectSizes(editor, baseline);
  expect(await saved()).toBe(typed);
}

/** A page that replaces itself with document.open() keeps the chosen size on its new edition. */
export async function replacedDocument<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('document-open.html');
  const baseline = await fontSizes(page, PROBES);
  await enlargeTo150(harness, page);
  await expectSizes(page, times(baseline, 1.5));
  await page.click('#rewrite');
  await expect.poll(() => evaluateIn(page, () => document.title, undefined)).toBe('Second edition');
  await expectSizes(page, [45, 24, 21]);
  await harness.command(page, 'reset-text-size');
  await expectSizes(page, [30, 16, 14]);
  expect(await snapshot(page)).not.toMatch(OUR_ATTRIBUTE);
}

/** SVG and XML documents are left exactly as they are (reading mode declines); plain text is scaled. */
export async function documentsThatAreNotHtml<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  for (const path of ['drawing.svg', 'feed.xml']) {
    const page = await harness.open(path);
    const original = await snapshot(page);
    expect(await harness.command(page, 'increase-text-size')).toMatchObject({ ok: true, textScale: 110 });
    // Give a content script that would act time to do so, then check it did nothing.
    await evaluateIn(page, () => new Promise((done) => setTimeout(done, 300)), undefined);
    expect(await snapshot(page)).toBe(original);
    await harness.command(page, 'reset-text-size');
    // Reading mode declines with its notice (the popup says why) and leaves the document as it was.
    expect(await harness.command(page, 'toggle-reading-mode')).toEqual({ ok: false, error: 'unsupported-page', detail: 'not-html' });
    expect(await snapshot(page)).toBe(original);
  }
  const text = await harness.open('notes.txt');
  const [size] = await fontSizes(text, 'pre');
  await harness.command(text, 'increase-text-size');
  await expectSizes(text, [size * 1.1], 'pre');
  await harness.command(text, 'reset-text-size');
  await expectSizes(text, [size], 'pre');
}

/** Text spacing reaches the text but not the glyphs of icon fonts (a ligature icon must stay one glyph). */
export async function spacingSkipsIcons<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('icon-ligatures.html');
  const spacing = () =>
    evaluateIn(
      page,
      () =>
        Object.fromEntries(
          ['#ligature', '#fa-icon', '#italic', '[data-probe="paragraph"]'].map((sel) => [
            sel,
            getComputedStyle(document.querySelector(sel) as Element).letterSpacing,
          ]),
        ),
      undefined,
    );
  expect(await spacing()).toEqual({
    '#ligature': 'normal',
    '#fa-icon': 'normal',
    '#italic': 'normal',
    '[data-probe="paragraph"]': 'normal',
  });
  await harness.setGlobal({ pageSpacing: 'wcag' });
  // 0.12em of 16px text.
  await expect
    .poll(spacing)
    .toEqual({ '#ligature': 'normal', '#fa-icon': 'normal', '#italic': '1.92px', '[data-probe="paragraph"]': '1.92px' });
  await harness.setGlobal({ pageSpacing: 'off' });
  await expect
    .poll(spacing)
    .toEqual({ '#ligature': 'normal', '#fa-icon': 'normal', '#italic': 'normal', '[data-probe="paragraph"]': 'normal' });
}

/** Sizes of every element that shows text of its own (containers inherit theirs and are not scaled), in document order. */
const ownTextSizes = (target: ScriptTarget) =>
  evaluateIn(
    target,
    () =>
      Array.from(document.body.querySelectorAll('*'))
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? '')))
        .filter((element) => element.localName !== 'script')
        .map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    undefined,
  );

/** Every text element of a page larger than one slice of work reaches the exact factor, and reset gives the page back. */
export async function largePageExact<P extends LivePage>(harness: LivePageHarness<P>): Promise<void> {
  const page = await harness.open('large.html');
  const original = await snapshot(page);
  const baseline = await ownTextSizes(page);
  expect(baseline.length).toBeGreaterThan(15_000);
  await enlargeTo150(harness, page);
  const wrongAt = async (factor: number) => {
    const sizes = await ownTextSizes(page);
    return sizes.filter((size, i) => Math.abs(size - baseline[i] * factor) > TOLERANCE).length + Math.abs(sizes.length - baseline.length);
  };
  await expect.poll(() => wrongAt(1.5), { timeout: 15_000, interval: 250 }).toBe(0);
  await harness.command(page, 'reset-text-size');
  await expect.poll(() => wrongAt(1), { timeout: 15_000, interval: 250 }).toBe(0);
  expect(await snapshot(page)).toBe(original);
}
