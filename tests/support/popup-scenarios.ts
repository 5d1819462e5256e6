/**
 * The toolbar popup, opened as a page on a given tab (`?tab=<id>`, as a real
 * popup targets the active tab), used with the keyboard only and checked by
 * axe-core in light and dark mode. Each browser's test file provides the
 * harness (tests/e2e/{chromium,firefox}/popup.test.ts).
 */
import { expect } from 'vitest';
import { axeViolations } from './axe';
import { hasOurHost, lacksOurHost } from './our-names';
import { evaluateIn, fontSizes, type ScriptTarget, shiftTabTo, tabTo, textOf } from './page-checks';
import { notShown } from './popup-layout';

export interface PopupPage extends ScriptTarget {
  keyboard: {
    press(key: 'Tab' | 'Enter' | ' ' | 'End' | 'ArrowUp' | 'ArrowDown'): Promise<unknown>;
    down(key: 'Shift'): Promise<unknown>;
    up(key: 'Shift'): Promise<unknown>;
  };
  click(selector: string): Promise<unknown>;
}

export interface PopupHarness {
  /** The METI release fixture in a tab of its own, loaded with nothing applied. */
  openSite(): Promise<ScriptTarget>;
  /** The popup on the site's tab, or on the tab of a page the extension may not change. */
  openPopup(site: ScriptTarget | 'unsupported'): Promise<PopupPage>;
  /** What the popup says on that page. */
  unsupportedMessage: string;
  /** The fixture server's origin (a site key: `site:<origin>`). */
  origin(): string;
  stored(key: string): Promise<Record<string, unknown>>;
  /** Does the action and settles once the popup has closed itself. */
  closesItself(popup: PopupPage, action: () => Promise<unknown>): Promise<void>;
  colorScheme(popup: PopupPage, scheme: 'light' | 'dark'): Promise<void>;
  /** The manifest's commands with a suggested key, and the shortcut the browser gave each. */
  shortcuts(): Promise<{ suggested: string[]; assigned: Record<string, string> }>;
}

const PROBE = '[data-probe]';

/** Polls until the first probe's computed size is `expected` px (± 0.06). */
async function expectProbeSize(site: ScriptTarget, expected: number): Promise<void> {
  await expect.poll(async () => Math.abs((await fontSizes(site, PROBE))[0] - expected) <= 0.06, { timeout: 10_000 }).toBe(true);
}

const attribute = (page: ScriptTarget, selector: string, name: string) =>
  evaluateIn(page, ([sel, attr]) => document.querySelector(sel)?.getAttribute(attr) ?? null, [selector, name]);

const checked = (page: ScriptTarget, selector: string) =>
  evaluateIn(page, (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.checked ?? false, selector);

export const popupScenarios = {
  async 'changes the page text size with the keyboard alone'(h: PopupHarness) {
    const site = await h.openSite();
    const baseline = await fontSizes(site, PROBE);
    const popup = await h.openPopup(site);
    expect(await textOf(popup, '#site-name')).toBe('127.0.0.1');

    await tabTo(popup, '#larger');
    await popup.keyboard.press('Enter');
    await expect.poll(() => textOf(popup, '#status')).toBe('Text size 110%');
    await expectProbeSize(site, baseline[0] * 1.1);
    await popup.keyboard.press(' ');
    await expectProbeSize(site, baseline[0] * 1.25);
    expect(await evaluateIn(popup, () => (document.getElementById('size-select') as HTMLSelectElement).value, undefined)).toBe('125');

    await shiftTabTo(popup, '#size-select');
    await popup.keyboard.press('End'); // 300%
    await expectProbeSize(site, baseline[0] * 3);
    expect(await attribute(popup, '#larger', 'aria-disabled')).toBe('true');

    await shiftTabTo(popup, '#reset');
    await popup.keyboard.press('Enter');
    await expectProbeSize(site, baseline[0]);
    // Reset is now unavailable, yet keyboard focus stays on it instead of falling back to <body>.
    await expect.poll(() => attribute(popup, '#reset', 'aria-disabled')).toBe('true');
    expect(await evaluateIn(popup, () => document.activeElement?.id, undefined)).toBe('reset');
  },

  async 'turns the reading ruler on and off with the keyboard, and starts read aloud on the page'(h: PopupHarness) {
    const site = await h.openSite();
    const popup = await h.openPopup(site);
    await tabTo(popup, '#page-line-focus');
    await popup.keyboard.press(' ');
    await expect.poll(() => evaluateIn(site, hasOurHost, 'l'), { timeout: 5_000 }).toBe(true);
    expect(await checked(popup, '#page-line-focus')).toBe(true);
    await popup.keyboard.press(' ');
    await expect.poll(() => evaluateIn(site, lacksOurHost, 'l'), { timeout: 5_000 }).toBe(true);

    // Read aloud wants the pointer on the page: the popup closes once point-to-read is on.
    await shiftTabTo(popup, '#read-aloud');
    await h.closesItself(popup, () => popup.keyboard.press('Enter'));
    await expect.poll(() => evaluateIn(site, hasOurHost, 'r'), { timeout: 5_000 }).toBe(true);
  },

  async 'switches between "this site" and "all sites" with the keyboard'(h: PopupHarness) {
    const popup = await h.openPopup(await h.openSite());
    const key = `site:${h.origin()}`;
    expect(await checked(popup, 'input[value="global"]')).toBe(true);
    await tabTo(popup, 'input[name="scope"]:checked');
    await popup.keyboard.press('ArrowUp'); // radio group: arrows move and select
    await expect.poll(() => h.stored(key)).toEqual({ [key]: { textScale: 100 } });
    expect(await checked(popup, 'input[value="site"]')).toBe(true);
    await expect.poll(() => textOf(popup, '#status')).toContain('own settings');

    await popup.keyboard.press('ArrowDown');
    await expect.poll(() => h.stored(key)).toEqual({});
  },

  async 'uses readable text: no control or label under 15px'(h: PopupHarness) {
    const popup = await h.openPopup(await h.openSite());
    const sizes = await evaluateIn(
      popup,
      () =>
        [...document.querySelectorAll('button, select, label, legend, dt, dd, p')].map((element) =>
          Number.parseFloat(getComputedStyle(element).fontSize),
        ),
      undefined,
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15);
  },

  async 'gets every suggested shortcut from the browser (none taken by the browser itself)'(h: PopupHarness) {
    const { suggested, assigned } = await h.shortcuts();
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.filter((name) => !assigned[name])).toEqual([]);
  },

  async 'shows which shortcuts exist and how to change them'(h: PopupHarness) {
    const popup = await h.openPopup(await h.openSite());
    const text = await textOf(popup, '#shortcut-list');
    expect(text).toContain('Make text larger');
    expect(text).toMatch(/Alt\+Shift\+\./);
    // One step away, in "More settings".
    expect(await isShown(popup, '#change-shortcuts')).toBe(false);
    await popup.click('#more summary');
    expect(await isShown(popup, '#change-shortcuts')).toBe(true);
  },

  async 'says plainly when the page cannot be changed'(h: PopupHarness) {
    const popup = await h.openPopup('unsupported');
    expect(await isShown(popup, '#controls')).toBe(false);
    expect(await textOf(popup, '#unsupported')).toBe(h.unsupportedMessage);
  },

  async 'reports that automatic application is on for the granted test host'(h: PopupHarness) {
    const popup = await h.openPopup(await h.openSite());
    expect(await textOf(popup, '#auto-status')).toContain('on this site');
    expect(await textOf(popup, '#auto-site')).toContain('Stop applying');
  },

  async 'has no axe-core violations in light and dark mode'(h: PopupHarness) {
    const popup = await h.openPopup(await h.openSite());
    for (const scheme of ['light', 'dark'] as const) {
      await h.colorScheme(popup, scheme);
      expect(await axeViolations(popup), scheme).toEqual([]);
    }
  },
};

export type PopupScenario = keyof typeof popupScenarios;

/** Shown to the user (popup-layout's notShown: a closed <details> hides its content). */
const isShown = async (page: ScriptTarget, selector: string) => (await notShown(page, [selector])).length === 0;
