/**
 * The live page's "Easy Web Browsing" adjustments: one stylesheet of ours,
 * present only while at least one adjustment is on, removed entirely when
 * none is (the page is then exactly as it was). Features with behaviour
 * (`start`, such as adding a bundled font to the page's font set) run while
 * their values are not the defaults, and are aborted, undoing all they did,
 * when their values change or they go off.
 */
import browser from 'webextension-polyfill';
import { ourMarker } from '../../content/page-names';
import { whenRootExists } from '../../content/when-root-exists';
import { isFeatureOn, type PageAdjustments } from '../../shared/features/registry';
import { t } from '../../shared/i18n';
import { adjustmentCss } from './adjustment-css';
import { FEATURE_MODULES, type FeatureModule } from './feature-modules';

export interface AdjustmentsController {
  apply(adjustments: PageAdjustments): void;
}

export function createAdjustmentsController(document: Document): AdjustmentsController {
  let style: HTMLStyleElement | undefined;
  let css = '';
  /** Per feature with behaviour: its values when started (as JSON) and the controller that stops it. */
  const running = new Map<FeatureModule, { key: string; controller: AbortController }>();
  const page = { document, assetUrl: (path: string) => browser.runtime.getURL(path), message: t };

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

  function runBehaviour(adjustments: PageAdjustments): void {
    for (const module of FEATURE_MODULES) {
      if (!module.start) continue;
      const values = Object.keys(module.feature.fields).map((name) => adjustments[name as keyof PageAdjustments]);
      const key = JSON.stringify(values);
      if (running.get(module)?.key === key) continue;
      running.get(module)?.controller.abort();
      running.delete(module);
      if (!isFeatureOn(module.feature, adjustments)) continue;
      const controller = new AbortController();
      running.set(module, { key, controller });
      module.start(adjustments, controller.signal, page);
    }
  }

  return {
    apply(adjustments) {
      runBehaviour(adjustments);
      css = adjustmentCss(adjustments);
      if (css === '' || document.documentElement) render();
      else whenRootExists(document, render);
    },
  };
}
