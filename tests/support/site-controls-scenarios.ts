/**
 * The popup's hint that the site has its own text-size / colour buttons, and EasyRead combined
 * with those buttons, for Chromium and Firefox alike. The detector runs in the tab through
 * executeScript({ func }) (its source text alone); the hint shows only what was found.
 */
import { expect } from 'vitest';
import { detectSiteControls } from '../../src/shared/site-controls-detect';
import { evaluateIn, isVisible, type ScriptTarget, textOf } from './page-checks';

export const TEXT_SIZE_HINT = "This site also has its own text-size buttons. EasyRead's size applies on top of them.";
export const COLOURS_HINT =
  "This site also has its own colour buttons. They work while EasyRead's page colours are off; while an EasyRead colour scheme is on, it takes their place.";

export interface SitePage extends ScriptTarget {
  /** A real pointer click. */
  click(selector: string): Promise<void>;
}

export interface SiteControlsHarness {
  openSite(path: string): Promise<SitePage>;
  /** The popup for that site's tab, once its controls are shown. */
  openPopup(site: SitePage): Promise<ScriptTarget>;
  /** Changes the settings for all sites as the popup would. */
  setPreferences(patch: Record<string, unknown>): Promise<void>;
  /** axe-core violations in each colour scheme the harness can show the popup in. */
  axeBySchemes(popup: ScriptTarget): Promise<Record<string, string[]>>;
}

const HINT = '#site-controls-hint';

async function waitForHint(popup: ScriptTarget): Promise<void> {
  await expect.poll(() => isVisible(popup, HINT), { timeout: 10_000 }).toBe(true);
}

export const siteControlsScenarios = {
  async 'says the METI release has its own text-size buttons, right after the daily actions'(h: SiteControlsHarness) {
    const popup = await h.openPopup(await h.openSite('meti-release.html'));
    await waitForHint(popup);
    expect(await textOf(popup, HINT)).toBe(TEXT_SIZE_HINT);
    // In the popup's first view, right after the daily actions (so it never pushes them out of view).
    expect(
      await evaluateIn(
        popup,
        () => {
          const hint = document.getElementById('site-controls-hint');
          const scope = document.getElementById('scope');
          return hint?.parentElement?.id === 'controls' && scope?.nextElementSibling === hint;
        },
        undefined,
      ),
    ).toBe(true);
  },

  async 'says the Japanese government page has both text-size and colour buttons, with no axe-core violations'(h: SiteControlsHarness) {
    const popup = await h.openPopup(await h.openSite('japanese-gov.html'));
    await waitForHint(popup);
    expect(await textOf(popup, HINT)).toBe(`${TEXT_SIZE_HINT} ${COLOURS_HINT}`);
    const bySchemes = await h.axeBySchemes(popup);
    expect(Object.keys(bySchemes).length).toBeGreaterThan(0);
    for (const [scheme, violations] of Object.entries(bySchemes)) expect(violations, scheme).toEqual([]);
  },

  async 'the detector runs as a self-contained function in the page, as executeScript({ func }) sends it'(h: SiteControlsHarness) {
    // Sent as the function's source text alone, called with no argument.
    const gov = await h.openSite('japanese-gov.html');
    expect(await evaluateIn(gov, detectSiteControls as (arg: undefined) => unknown, undefined)).toEqual({ textSize: true, colours: true });
    const meti = await h.openSite('meti-release.html');
    expect(await evaluateIn(meti, detectSiteControls as (arg: undefined) => unknown, undefined)).toEqual({
      textSize: true,
      colours: false,
    });
  },

  async "combines with the site's own buttons: the site's colours with EasyRead's size and font, EasyRead's scheme while it is on"(
    h: SiteControlsHarness,
  ) {
    const site = await h.openSite('japanese-gov.html');
    const look = () =>
      evaluateIn(
        site,
        () => {
          const style = getComputedStyle(document.querySelector('[data-probe="body-paragraph"]') as Element);
          return {
            colour: style.color,
            background: getComputedStyle(document.body).backgroundColor,
            size: style.fontSize,
            font: style.fontFamily,
          };
        },
        undefined,
      );
    const original = await look();
    // The site's own 黒 (black) button, then EasyRead's size and font on top.
    await site.click('.tool-group .bg-black');
    await h.setPreferences({ textScale: 150, pageFont: 'ud' });
    await expect.poll(async () => (await look()).font, { timeout: 10_000 }).toContain('BIZ UDPGothic');
    await expect
      .poll(async () => Number.parseFloat((await look()).size), { timeout: 10_000 })
      .toBeCloseTo(Number.parseFloat(original.size) * 1.5, 1);
    const combined = await look();
    expect(combined.colour).toBe('rgb(255, 255, 0)');
    expect(combined.background).toBe('rgb(0, 0, 0)');

    // EasyRead's blue scheme takes the place of the site's colours while it is on...
    await h.setPreferences({ pageColours: 'blue' });
    await expect.poll(async () => (await look()).background, { timeout: 10_000 }).toBe('rgb(0, 43, 128)');
    // ...and off gives the site's own choice back, untouched.
    await h.setPreferences({ pageColours: 'off' });
    await expect.poll(async () => (await look()).background, { timeout: 10_000 }).toBe('rgb(0, 0, 0)');
    expect((await look()).colour).toBe('rgb(255, 255, 0)');
    expect(await evaluateIn(site, () => document.querySelector('.tool-group .bg-black')?.getAttribute('aria-pressed'), undefined)).toBe(
      'true',
    );
  },
};

export type SiteControlsScenario = keyof typeof siteControlsScenarios;
