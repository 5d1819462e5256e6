/**
 * The live page's "Easy Web Browsing" adjustments: one stylesheet of ours,
 * present only while at least one adjustment is on, removed entirely when
 * none is (the page is then exactly as it was). A bundled font is added to
 * the page's own font set (document.fonts) while it is chosen, and deleted
 * from it when it is not.
 */
import browser from 'webextension-polyfill';
import { ourMarker } from '../../content/page-names';
import { whenRootExists } from '../../content/when-root-exists';
import type { PageAdjustments } from '../../shared/page-adjustments';
import { adjustmentCss, bundledFontFaces } from './adjustment-css';

export interface AdjustmentsController {
  apply(adjustments: PageAdjustments): void;
}

export function createAdjustmentsController(document: Document): AdjustmentsController {
  let style: HTMLStyleElement | undefined;
  let css = '';
  let font: PageAdjustments['pageFont'] = 'off';
  /** The faces added for `font`; replaced (not emptied) on a change, so a load that finishes late can tell it is stale. */
  let faces: FontFace[] = [];

  // A page that replaces itself (document.open()) or empties <html> takes our sheet with it: put it back.
  const keepPlaced = new MutationObserver(() => {
    if (style && !style.isConnected) render();
  });

  function render(): void {
    if (css === '') {
      keepPlaced.disconnect();
      style?.remove();
      style = undefined;
      return;
    }
    if (!style) {
      // createElementNS: in an XHTML document createElement would not make an HTML element.
      style = document.createElementNS('http://www.w3.org/1999/xhtml', 'style') as HTMLStyleElement;
      style.setAttribute(ourMarker(), 'a');
      keepPlaced.observe(document, { childList: true });
    }
    if (style.textContent !== css) style.textContent = css;
    // Appended, not prepended: Chromium extends its cascade layers for a sheet added last, but rebuilds
    // them for one added before others, which relaid out every text of the page (10× a root font change
    // on 20,000 elements). Our layers' !important still beats every unlayered rule of the page; only a
    // page's own layered !important rules now come first.
    if (!style.isConnected) document.documentElement?.append(style);
  }

  /**
   * The font file is read by the content script and handed to FontFace as
   * bytes: no URL of ours reaches the page, and no font-src of a strict
   * Content-Security-Policy can block it.
   */
  function loadFont(next: PageAdjustments['pageFont']): void {
    if (next === font) return;
    font = next;
    for (const face of faces) document.fonts.delete(face);
    const mine: FontFace[] = [];
    faces = mine;
    for (const { family, weight, path } of bundledFontFaces(next)) {
      fetch(browser.runtime.getURL(path))
        .then((response) => response.arrayBuffer())
        .then((data) => {
          if (faces !== mine) return;
          const face = new FontFace(family, data, { weight });
          mine.push(face);
          document.fonts.add(face);
        })
        .catch((error: unknown) => console.warn('[EasyRead] font not loaded', path, error));
    }
  }

  return {
    apply(adjustments) {
      loadFont(adjustments.pageFont);
      css = adjustmentCss(adjustments);
      if (css === '' || document.documentElement) render();
      else whenRootExists(document, render);
    },
  };
}
