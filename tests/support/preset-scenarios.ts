/**
 * Presets (issue 11) as a user meets them, shared by the Chromium and Firefox
 * tests: a preset button reached with Tab and pressed with Enter shows its
 * settings on a live page (computed size, colours, font, spacing, the
 * ruler), says so in the status region and shows as pressed; pressed again,
 * the page and the stored preferences are exactly as before.
 */
import { expect } from 'vitest';
import { PALETTES } from '../../src/features/page-colours';
import type { PresetName } from '../../src/shared/presets';
import { evaluateIn, rgb, type ScriptTarget, tabTo } from './page-checks';

export interface PresetPage extends ScriptTarget {
  keyboard: { press(key: 'Tab' | 'Enter'): Promise<unknown> };
}

export interface PresetHarness {
  /** The popup or the first-run page. */
  surface: PresetPage;
  /** A page of the fixture server showing the result. */
  site: ScriptTarget;
  /** Every stored preference, in both storage areas. */
  stored(): Promise<unknown>;
  /** The surface's strings (messages('en') or messages('ja')). */
  text: Record<string, { message: string }>;
}

const PARAGRAPH = '[data-probe="body-paragraph"]';

export interface SiteLook {
  fontSize: number;
  color: string;
  fontFamily: string;
  letterSpacing: string;
  ruler: boolean;
}

export function siteLook(site: ScriptTarget): Promise<SiteLook> {
  return evaluateIn(
    site,
    (sel) => {
      const style = getComputedStyle(document.querySelector(sel) as Element);
      return {
        fontSize: Number.parseFloat(style.fontSize),
        color: style.color,
        fontFamily: style.fontFamily,
        letterSpacing: style.letterSpacing,
        ruler: [...document.querySelectorAll('*')].some((element) => /^x[a-z0-9]+-l$/.test(element.localName)),
      };
    },
    PARAGRAPH,
  );
}

/** What each preset must show on the page, against how it looked before. */
function expectShown(name: PresetName, before: SiteLook, after: SiteLook, textScaleBefore: number): void {
  if (name === 'larger-text') expect(after.fontSize).toBeCloseTo((before.fontSize * 150) / textScaleBefore, 0);
  if (name === 'high-contrast') expect(after.color).toBe(rgb(PALETTES['yellow-on-black'].text));
  if (name === 'easier-to-read') {
    expect(after.fontFamily).toContain('Atkinson');
    // WCAG 1.4.12: letter spacing 0.12 times the font size.
    expect(Number.parseFloat(after.letterSpacing)).toBeCloseTo(after.fontSize * 0.12, 1);
    expect(after.ruler).toBe(true);
  }
}

const LABEL_KEYS: Record<PresetName, string> = {
  'larger-text': 'presetLargerText',
  'high-contrast': 'presetHighContrast',
  'easier-to-read': 'presetEasierToRead',
};

const pressed = (page: ScriptTarget, name: PresetName) =>
  evaluateIn(page, (preset) => document.querySelector(`[data-preset="${preset}"]`)?.getAttribute('aria-pressed'), name);
const status = (page: ScriptTarget) => evaluateIn(page, () => document.getElementById('status')?.textContent ?? '', undefined);

/** Applies the preset by keyboard, checks the page, undoes it by keyboard, checks page and storage are as before. */
export async function applyAndUndoPreset(
  harness: PresetHarness,
  name: PresetName,
  options: { textScaleBefore: number; appliedMessage: 'presetAppliedSite' | 'presetAppliedGlobal' },
): Promise<void> {
  const { surface, site, text } = harness;
  const label = text[LABEL_KEYS[name]].message;
  const storedBefore = await harness.stored();
  const lookBefore = await siteLook(site);
  expect(await pressed(surface, name)).toBe('false');

  await tabTo(surface, `[data-preset="${name}"]`);
  await surface.keyboard.press('Enter');
  await expect.poll(() => pressed(surface, name)).toBe('true');
  await expect.poll(() => status(surface)).toBe(text[options.appliedMessage].message.replace('$PRESET$', label));
  await expect
    .poll(async () => {
      const look = await siteLook(site);
      try {
        expectShown(name, lookBefore, look, options.textScaleBefore);
        return true;
      } catch {
        return look;
      }
    })
    .toBe(true);
  expect(await harness.stored()).not.toEqual(storedBefore);

  // Focus is still on the button: Enter again undoes it.
  await surface.keyboard.press('Enter');
  await expect.poll(() => pressed(surface, name)).toBe('false');
  await expect.poll(() => status(surface)).toBe(text.presetUndone.message.replace('$PRESET$', label));
  await expect.poll(() => harness.stored()).toEqual(storedBefore);
  await expect.poll(() => siteLook(site)).toEqual(lookBefore);
}
