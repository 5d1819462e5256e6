/**
 * The on-page button, run by the background when the content script asks for
 * it (only while its preference is on; never part of the always-on script).
 * Leaves show()/hide() where the content script looks for them.
 */
import type { EffectivePreferences } from '../../shared/preferences/resolve';
import { createPageButton, type PageButton } from './page-button';

let shown: PageButton | undefined;

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools['page-button'] ??= {
  show(preferences: EffectivePreferences) {
    // A document that is itself an editor (designMode) would take our host into what the user writes.
    if (document.designMode === 'on') return;
    if (shown) shown.update(preferences);
    else shown = createPageButton(preferences);
  },
  hide() {
    shown?.remove();
    shown = undefined;
  },
};
