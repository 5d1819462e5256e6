/**
 * The popup's fit at the sizes its users really have (issue 11): Chrome and
 * Firefox cap an action popup at 800×600 px, so at 360 px wide and 100% the
 * daily actions must be within 600 px, and at 200% zoom (a 300 CSS px high
 * first screen) text size, reading mode and read aloud must be. Shared by the
 * Chromium and Firefox tests (page-checks.ts works with both libraries).
 */
import { evaluateIn, type ScriptTarget } from './page-checks';

/** What a user does every day, in the order the popup shows it. */
export const DAILY_CONTROLS = [
  '#smaller',
  '#size-select',
  '#larger',
  '#reading-mode',
  '#read-aloud',
  '#page-colours',
  '#page-line-focus',
  'input[name="scope"][value="site"]',
  'input[name="scope"][value="global"]',
];
/** What must still be in the first screen at 200% zoom. */
export const FIRST_SCREEN_CONTROLS = ['#smaller', '#larger', '#reading-mode', '#read-aloud'];

export interface PopupLayout {
  /** Height of the whole popup document (what the browser would size the popup to). */
  height: number;
  /** Width of the document (horizontal overflow shows as more than the viewport). */
  scrollWidth: number;
  viewportWidth: number;
  viewportHeight: number;
  /** Bottom edge (CSS px from the top of the document) of each control, or -1 when it is not rendered. */
  bottoms: Record<string, number>;
}

export function popupLayout(popup: ScriptTarget, selectors: readonly string[] = DAILY_CONTROLS): Promise<PopupLayout> {
  return evaluateIn(
    popup,
    (selectors) => {
      const bottoms: Record<string, number> = {};
      for (const selector of selectors) {
        const element = document.querySelector(selector);
        const box = element?.getBoundingClientRect();
        // A checkbox or radio counts with its label, which is what a user clicks and reads.
        const label = element?.closest('label')?.getBoundingClientRect();
        bottoms[selector] = box && box.height > 0 ? Math.max(box.bottom, label?.bottom ?? 0) + window.scrollY : -1;
      }
      return {
        // The content's own height: the document's scrollHeight is never less than the window.
        height: Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY),
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: window.innerWidth,
        viewportHeight: window.innerHeight,
        bottoms,
      };
    },
    selectors,
  );
}

/** Controls that are not rendered, or end below `limit` CSS px (empty when all are in view). */
export function controlsBelow(layout: PopupLayout, limit: number): string[] {
  return Object.entries(layout.bottoms)
    .filter(([, bottom]) => bottom < 0 || bottom > limit)
    .map(([selector, bottom]) => `${selector} at ${Math.round(bottom)}`);
}

/**
 * Options whose label would be cut off when chosen: a copy of the select,
 * out of flow and as wide as the browser makes it for that one option alone,
 * is wider than the real one.
 */
export function cutOffOptionLabels(popup: ScriptTarget): Promise<string[]> {
  return evaluateIn(
    popup,
    () => {
      const cut: string[] = [];
      for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
        const width = select.getBoundingClientRect().width;
        if (width === 0) continue;
        for (const option of select.options) {
          const copy = select.cloneNode(false) as HTMLSelectElement;
          copy.removeAttribute('id');
          const style = getComputedStyle(select);
          copy.style.cssText = 'position:absolute;top:0;left:0;visibility:hidden;width:auto;min-width:0;max-width:none';
          for (const property of [
            'font-family',
            'font-size',
            'font-weight',
            'padding-left',
            'padding-right',
            'border-left-width',
            'border-right-width',
            'box-sizing',
          ]) {
            copy.style.setProperty(property, style.getPropertyValue(property));
          }
          copy.append(option.cloneNode(true));
          document.body.append(copy);
          if (copy.getBoundingClientRect().width > width + 0.5) cut.push(`${select.id}: ${option.text}`);
          copy.remove();
        }
      }
      return cut;
    },
    undefined,
  );
}

/** The popup opened with nothing in view yet: what both browsers' tests check at 100%. */
export async function fitsAt100(popup: ScriptTarget): Promise<{ layout: PopupLayout; below: string[] }> {
  const layout = await popupLayout(popup);
  return { layout, below: controlsBelow(layout, 600) };
}

/** At 200% zoom: the first screen is the window's own height in CSS px. */
export async function firstScreenAt200(popup: ScriptTarget): Promise<{ layout: PopupLayout; below: string[] }> {
  const layout = await popupLayout(popup, FIRST_SCREEN_CONTROLS);
  return { layout, below: controlsBelow(layout, layout.viewportHeight) };
}

/** What waits one step away under "More settings": fonts, spacing, links, focus ring, reset, automatic access, shortcuts. */
export const MORE_SETTINGS_CONTROLS = [
  '#page-font',
  '#page-spacing',
  '#page-links',
  '#page-focus',
  '#reset-site',
  '#auto-all',
  '#shortcut-list',
  '#change-shortcuts',
];

/**
 * Of the selectors, those a user cannot see: missing, without a box, or inside
 * a closed disclosure (Firefox lays out a closed <details>' content with
 * content-visibility: hidden, so only checkVisibility() tells).
 */
export function notShown(popup: ScriptTarget, selectors: readonly string[]): Promise<string[]> {
  return evaluateIn(
    popup,
    (selectors) =>
      selectors.filter((selector) => {
        const element = document.querySelector(selector);
        return !element || element.getBoundingClientRect().height === 0 || !element.checkVisibility();
      }),
    selectors,
  );
}

/** The status region while it has nothing to say: rendered (so in the accessibility tree), with its role. */
export function emptyStatusRegion(popup: ScriptTarget): Promise<{ text: string | null; display: string; role: string | null }> {
  return evaluateIn(
    popup,
    () => {
      const element = document.getElementById('status') as HTMLElement;
      return { text: element.textContent, display: getComputedStyle(element).display, role: element.getAttribute('role') };
    },
    undefined,
  );
}

/** Opens "More settings" (a real click on its summary, as a user would) and says whether it opened. */
export function openMoreSettings(popup: ScriptTarget): Promise<boolean> {
  return evaluateIn(
    popup,
    async () => {
      const more = document.getElementById('more') as HTMLDetailsElement;
      if (!more.open) (more.querySelector('summary') as HTMLElement).click();
      await new Promise(requestAnimationFrame);
      return more.open && (document.getElementById('page-font')?.getBoundingClientRect().height ?? 0) > 0;
    },
    undefined,
  );
}

/**
 * The focus ring of the unavailable (aria-disabled) Reset against the popup's
 * background: WCAG 1.4.11 asks 3:1. Focused from script with no pointer used
 * before, which browsers show as keyboard focus (:focus-visible).
 */
export function resetFocusRing(
  popup: ScriptTarget,
): Promise<{ disabled: string | null; focusVisible: boolean; contrast: number; opacity: string }> {
  return evaluateIn(
    popup,
    () => {
      const reset = document.getElementById('reset') as HTMLElement;
      reset.focus();
      const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r, g, b] = channels(colour).map((value) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const style = getComputedStyle(reset);
      const ring = luminance(style.outlineColor);
      const background = luminance(getComputedStyle(document.body).backgroundColor);
      return {
        disabled: reset.getAttribute('aria-disabled'),
        focusVisible: reset.matches(':focus-visible') && style.outlineStyle !== 'none',
        contrast: (Math.max(ring, background) + 0.05) / (Math.min(ring, background) + 0.05),
        opacity: style.opacity,
      };
    },
    undefined,
  );
}
