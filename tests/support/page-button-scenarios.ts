/**
 * The optional on-page button (issue 11) as a user meets it, shared by the
 * Chromium and Firefox tests. The button lives in a closed shadow root under
 * a host with a random name, so from the page all one sees is that host:
 * an element under <html> named like `abcd-efgh`. Its box is the
 * button's (and grows while the panel is open), and it is
 * document.activeElement while focus is anywhere inside it: with the panel
 * closed, that can only be the button.
 */
import { expect } from 'vitest';
import { evaluateIn, type ScriptTarget } from './page-checks';

export interface ButtonPage extends ScriptTarget {
  keyboard: { press(key: 'Tab' | 'Enter' | 'Escape'): Promise<unknown> };
}

export interface HostState {
  left: number;
  top: number;
  right: number;
  bottom: number;
  height: number;
  focused: boolean;
  display: string;
  /** The host's font size: 'medium', the browser's default, which the panel's em sizes follow. */
  fontSize: number;
  viewport: { width: number; height: number };
}

/** Our host as the page sees it, or null when there is none. */
export function hostState(page: ScriptTarget): Promise<HostState | null> {
  return evaluateIn(
    page,
    () => {
      const host = [...document.documentElement.children].find((element) => /^x[a-z0-9]{1,7}-p$/.test(element.localName));
      if (!host) return null;
      const { left, top, right, bottom, height } = host.getBoundingClientRect();
      return {
        left,
        top,
        right,
        bottom,
        height,
        focused: document.activeElement === host,
        display: getComputedStyle(host).display,
        fontSize: Number.parseFloat(getComputedStyle(host).fontSize),
        viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      };
    },
    undefined,
  );
}

export async function waitForHost(page: ScriptTarget): Promise<HostState> {
  await expect.poll(() => hostState(page), { timeout: 10_000 }).not.toBeNull();
  return (await hostState(page)) as HostState;
}

export function outerHtml(page: ScriptTarget): Promise<string> {
  return evaluateIn(page, () => document.documentElement.outerHTML, undefined);
}

function probeBox(page: ScriptTarget, probe: string): Promise<{ left: number; top: number; right: number; bottom: number }> {
  return evaluateIn(
    page,
    (name) => {
      const { left, top, right, bottom } = (document.querySelector(`[data-probe="${name}"]`) as Element).getBoundingClientRect();
      return { left, top, right, bottom };
    },
    probe,
  );
}

function paragraphSize(page: ScriptTarget): Promise<number> {
  return evaluateIn(
    page,
    () => Number.parseFloat(getComputedStyle(document.querySelector('[data-probe="body-paragraph"]') as Element).fontSize),
    undefined,
  );
}

/** In the corner asked for, within the window, and (bottom right) not over the page's own "Page top" link. */
export async function expectInCorner(
  page: ScriptTarget,
  corner: 'bottom-right' | 'top-left' | 'top-right' | 'bottom-left',
): Promise<HostState> {
  const host = await waitForHost(page);
  await expect
    .poll(async () => {
      const now = (await hostState(page)) as HostState;
      const { width, height } = now.viewport;
      return {
        left: corner.endsWith('left') ? now.left < 40 : now.right > width - 40 && now.right <= width,
        top: corner.startsWith('top') ? now.top < height / 2 && now.top >= 0 : now.bottom > height / 2 && now.bottom <= height,
      };
    })
    .toEqual({ left: true, top: true });
  if (corner === 'bottom-right') {
    const control = await probeBox(page, 'page-top');
    const now = (await hostState(page)) as HostState;
    // Above the page's control in the same corner, not over it.
    expect(now.bottom).toBeLessThanOrEqual(control.top);
    expect(now.right).toBeGreaterThan(control.left);
  }
  return host;
}

/**
 * By keyboard only: Tab reaches the button, Enter opens the panel, Tab Tab
 * Enter presses "Larger" (the page's text grows by one step), Esc closes the
 * panel with focus back on the button, and Enter there opens it again.
 */
export async function keyboardScenario(page: ButtonPage): Promise<void> {
  const closed = await waitForHost(page);
  expect(closed.focused).toBe(false);
  for (let i = 0; i < 40 && !(await hostState(page))?.focused; i++) await page.keyboard.press('Tab');
  expect((await hostState(page))?.focused).toBe(true);

  await page.keyboard.press('Enter');
  await expect.poll(async () => (await hostState(page))?.height ?? 0).toBeGreaterThan(closed.height * 3);
  const before = await paragraphSize(page);
  await page.keyboard.press('Tab'); // Smaller
  await page.keyboard.press('Tab'); // Larger
  await page.keyboard.press('Enter');
  await expect.poll(() => paragraphSize(page), { timeout: 10_000 }).toBeCloseTo(before * 1.1, 0);

  await page.keyboard.press('Escape');
  await expect.poll(async () => (await hostState(page))?.height).toBeCloseTo(closed.height, 0);
  expect((await hostState(page))?.focused).toBe(true);
  // Focus is on the button itself: Enter opens the panel again, Esc closes it.
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await hostState(page))?.height ?? 0).toBeGreaterThan(closed.height * 3);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await hostState(page))?.height).toBeCloseTo(closed.height, 0);
}

/** From the open panel, by keyboard: "Move this button" (the 8th control) sends it to the next corner clockwise. */
export async function moveByKeyboard(page: ButtonPage): Promise<void> {
  for (let i = 0; i < 40 && !(await hostState(page))?.focused; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

/** Where the page's own content is: its probes' boxes and the document's size (a layout shift changes them). */
export function pageLayout(page: ScriptTarget): Promise<number[]> {
  return evaluateIn(
    page,
    () => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('[data-probe], h1, p, input')].flatMap((element) => {
        const { left, top, width, height } = element.getBoundingClientRect();
        return [left, top, width, height];
      }),
    ],
    undefined,
  );
}

const overlapsBox = (a: HostState, b: { left: number; top: number; right: number; bottom: number }) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * A text field of the page (in the flow, not pinned) under the button in the
 * bottom-left corner: while the user types in it, the button moves up past
 * it; when focus leaves, it goes back to its corner.
 */
export async function editableScenario(page: ScriptTarget & { focus(selector: string): Promise<unknown> }): Promise<void> {
  await expectInCorner(page, 'bottom-left');
  const field = await evaluateIn(
    page,
    () => {
      const input = document.getElementById('search') as HTMLInputElement;
      // Where the page itself puts it (as a page script would), right in the corner the button uses.
      input.style.cssText = `position: absolute; left: 8px; top: ${scrollY + innerHeight - 60}px; width: 240px;`;
      const { left, top, right, bottom } = input.getBoundingClientRect();
      return { left, top, right, bottom };
    },
    undefined,
  );
  expect(overlapsBox((await hostState(page)) as HostState, field)).toBe(true);
  await page.focus('#search');
  await expect.poll(async () => overlapsBox((await hostState(page)) as HostState, field)).toBe(false);
  await evaluateIn(page, () => (document.activeElement as HTMLElement).blur(), undefined);
  await expect.poll(async () => overlapsBox((await hostState(page)) as HostState, field)).toBe(true);
}

/** Tab to the button and open the panel with Enter; the host's box then holds button and panel. */
export async function openPanel(page: ButtonPage): Promise<HostState> {
  const closed = await waitForHost(page);
  for (let i = 0; i < 40 && !(await hostState(page))?.focused; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // At least twice the button's height: at 200% zoom the panel is capped by the window.
  await expect.poll(async () => (await hostState(page))?.height ?? 0).toBeGreaterThan(closed.height * 2);
  return (await hostState(page)) as HostState;
}
