/**
 * The live page's "Easy Web Browsing" adjustments: one stylesheet of ours,
 * present only while at least one adjustment is on, removed entirely when
 * none is (the page is then exactly as it was).
 */
import { whenRootExists } from '../when-root-exists';
import { adjustmentCss, type PageAdjustments } from './adjustment-css';

export interface AdjustmentsController {
  apply(adjustments: PageAdjustments): void;
}

export function createAdjustmentsController(document: Document): AdjustmentsController {
  let style: HTMLStyleElement | undefined;
  let css = '';

  function render(): void {
    if (css === '') {
      style?.remove();
      style = undefined;
      return;
    }
    if (!style) {
      style = document.createElement('style');
      style.dataset.easyread = 'adjust';
    }
    if (style.textContent !== css) style.textContent = css;
    if (!style.isConnected) document.documentElement.prepend(style);
  }

  return {
    apply(adjustments) {
      css = adjustmentCss(adjustments);
      if (css === '' || document.documentElement) render();
      else whenRootExists(document, render);
    },
  };
}
