/**
 * The on-page button's open panel seen from inside its closed shadow root,
 * shared by the Chromium and Firefox tests. Page scripts (and so axe-core and
 * page.evaluate) cannot enter a closed root; our content scripts' world can
 * (Chromium: chrome.dom.openOrClosedShadowRoot; Firefox:
 * element.openOrClosedShadowRoot, an add-on-only property). Each browser's
 * test supplies an InPanelRoot that runs a function there on our root.
 */

import { DARK, LIGHT } from '../../src/page-tools/page-button/look';
import { axeViolations } from './axe';
import { type ButtonPage, openPanel } from './page-button-scenarios';
import { evaluateIn, rgb } from './page-checks';

/**
 * Runs fn(root, arg) in our content scripts' world of the tab's top frame,
 * root being our host's closed shadow root; fn is sent as its source text
 * (self-contained), arg and result are JSON.
 */
export type InPanelRoot = <A, R>(fn: (root: ShadowRoot, arg: A) => R, arg: A) => Promise<R>;

/** Our host, found as hostState finds it; an expression for the browsers' InPanelRoot, which run in our world. */
export const OUR_HOST = '[...document.documentElement.children].find((el) => /^x[a-z0-9]{1,7}-p$/.test(el.localName))';

/**
 * Opens the panel and puts a copy of the closed shadow tree (every element,
 * attribute and inline style) into an open shadow root on top of it, where
 * axe-core can see it; runs axe on the page; removes the copy.
 */
export async function panelViolations(page: ButtonPage, inPanelRoot: InPanelRoot): Promise<string[]> {
  await openPanel(page);
  await inPanelRoot((closed) => {
    const host = closed.host as HTMLElement;
    const copy = document.createElement('div');
    copy.id = 'axe-copy';
    // Property by property: the serialized attribute would fold them into 'all: initial !important'.
    for (const name of host.style) {
      copy.style.removeProperty(name);
      copy.style.setProperty(name, host.style.getPropertyValue(name), host.style.getPropertyPriority(name));
    }
    const open = copy.attachShadow({ mode: 'open' });
    for (const child of closed.children) open.append(child.cloneNode(true));
    document.body.append(copy);
  }, undefined);
  try {
    return await axeViolations(page);
  } finally {
    await evaluateIn(page, () => document.getElementById('axe-copy')?.remove(), undefined);
  }
}

export interface PanelMetrics {
  inWindow: boolean;
  scrollsSideways: boolean;
  smallestTarget: number;
  smallestText: number;
}

/** Opens the panel and measures it inside its closed root: in the window, no sideways scroll, target and text sizes. */
export async function panelMetrics(page: ButtonPage, inPanelRoot: InPanelRoot): Promise<PanelMetrics> {
  await openPanel(page);
  return inPanelRoot((root) => {
    const panel = root.getElementById('panel') as HTMLElement;
    const box = panel.getBoundingClientRect();
    const controls = [...root.querySelectorAll('button, select')].map((el) => el.getBoundingClientRect());
    const texts = [...root.querySelectorAll('button, select, label, p')].map((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    return {
      inWindow: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      scrollsSideways: panel.scrollWidth > panel.clientWidth,
      smallestTarget: Math.min(...controls.map((r) => Math.min(r.width, r.height))),
      smallestText: Math.min(...texts),
    };
  }, undefined);
}

/** The accessible name of the panel's region (its language shows which _locales the content script speaks). */
export function panelRegionLabel(inPanelRoot: InPanelRoot): Promise<string | null> {
  return inPanelRoot((root) => {
    return root.querySelector('[role="region"]')?.getAttribute('aria-label') ?? null;
  }, undefined);
}

/** The open panel's text and background colours as computed (the light or the dark look, which axe then checks). */
export function panelColours(inPanelRoot: InPanelRoot): Promise<{ color: string; background: string }> {
  return inPanelRoot((root) => {
    const style = getComputedStyle(root.getElementById('panel') as HTMLElement);
    return { color: style.color, background: style.backgroundColor };
  }, undefined);
}

/** The colours the panel must show in each scheme (src/page-tools/page-button/look.ts), as getComputedStyle reports them. */
export function expectedPanelColours(scheme: 'light' | 'dark'): { color: string; background: string } {
  const look = scheme === 'dark' ? DARK : LIGHT;
  return { color: rgb(look.text), background: rgb(look.background) };
}
