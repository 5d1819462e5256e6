/**
 * What a user sees and does on a page, for Playwright (Chromium) and
 * Puppeteer (Firefox) pages alike. The two libraries' evaluate() differ in
 * how they pass arguments but both run a script given as text, so that is
 * all these helpers ask of a page.
 */

/** A page or frame of either library: runs a script given as text and awaits the promise it returns. */
export interface ScriptTarget {
  evaluate(script: string): Promise<unknown>;
}

export interface KeyboardTarget extends ScriptTarget {
  keyboard: { press(key: 'Tab'): Promise<unknown> };
}

export interface ShiftKeyboardTarget extends ScriptTarget {
  keyboard: { press(key: 'Tab'): Promise<unknown>; down(key: 'Shift'): Promise<unknown>; up(key: 'Shift'): Promise<unknown> };
}

/**
 * Runs fn(arg) in the page. fn is sent as its source text, so it must be
 * self-contained (no closures over test code); arg must be JSON.
 */
export async function evaluateIn<A, R>(target: ScriptTarget, fn: (arg: A) => R, arg: A): Promise<Awaited<R>> {
  return (await target.evaluate(`(${fn.toString()})(${JSON.stringify(arg)})`)) as Awaited<R>;
}

/** Tabs until the element matching selector has focus; fails if it is not in the tab order. */
export async function tabTo(page: KeyboardTarget, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await evaluateIn(page, (sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} is not reachable with Tab`);
}

/** Shift+Tab until the element matching selector has focus (Firefox's Tab does not wrap around to the page's start). */
export async function shiftTabTo(page: ShiftKeyboardTarget, selector: string, limit = 80): Promise<void> {
  await page.keyboard.down('Shift');
  try {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await evaluateIn(page, (sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
  } finally {
    await page.keyboard.up('Shift');
  }
  throw new Error(`${selector} is not reachable with Shift+Tab`);
}

/** The id of the focused element ('' for <body> or an element without one). */
export function focusedId(page: ScriptTarget): Promise<string> {
  return evaluateIn(page, () => document.activeElement?.id ?? '', undefined);
}

/** Computed font sizes (px) of the elements matching a selector, in document order. */
export function fontSizes(page: ScriptTarget, selector: string): Promise<number[]> {
  return evaluateIn(
    page,
    (sel) => Array.from(document.querySelectorAll(sel), (element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    selector,
  );
}

/** "#ffff00" as getComputedStyle reports it: "rgb(255, 255, 0)". */
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Computed size and colours of the first element matching selector. */
export function textStyle(page: ScriptTarget, selector: string): Promise<{ fontSize: number; color: string; background: string }> {
  return evaluateIn(
    page,
    (sel) => {
      const element = document.querySelector(sel);
      if (!element) throw new Error(`${sel} not found`);
      const style = getComputedStyle(element);
      return { fontSize: Number.parseFloat(style.fontSize), color: style.color, background: style.backgroundColor };
    },
    selector,
  );
}

/** The smallest computed font size (px) among the visible form controls and elements that hold text of their own. */
export function smallestTextSize(page: ScriptTarget): Promise<number> {
  return evaluateIn(
    page,
    () =>
      Math.min(
        ...[...document.querySelectorAll('body *')]
          .filter(
            (element) =>
              element.getClientRects().length > 0 &&
              (element.matches('select, input, button') ||
                [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())),
          )
          .map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
      ),
    undefined,
  );
}

/** Ids of the form controls that no <label> names. */
export function unlabelledControls(page: ScriptTarget): Promise<string[]> {
  return evaluateIn(
    page,
    () =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')]
        .filter((control) => control.labels === null || control.labels.length === 0)
        .map((control) => control.id),
    undefined,
  );
}

/** textContent of the first element matching selector (null if there is none). */
export function textOf(page: ScriptTarget, selector: string): Promise<string | null> {
  return evaluateIn(page, (sel) => document.querySelector(sel)?.textContent ?? null, selector);
}

/** The value of the form control matching selector. */
export function controlValue(page: ScriptTarget, selector: string): Promise<string> {
  return evaluateIn(page, (sel) => (document.querySelector(sel) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '', selector);
}

/** Whether the element matching selector takes up room on the page (not hidden, not display: none). */
export function isVisible(page: ScriptTarget, selector: string): Promise<boolean> {
  return evaluateIn(
    page,
    (sel) => {
      const element = document.querySelector(sel);
      return element !== null && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    },
    selector,
  );
}

/** [key, text shown] for every element localizePage filled from _locales (data-i18n="key"). */
export function localizedTexts(page: ScriptTarget): Promise<[string, string][]> {
  return evaluateIn(
    page,
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-i18n]')].map((element): [string, string] => [
        element.dataset.i18n ?? '',
        element.textContent ?? '',
      ]),
    undefined,
  );
}
