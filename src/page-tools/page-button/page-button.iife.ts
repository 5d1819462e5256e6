/**
 * The on-page button, run by the background when the content script asks for
 * it (only while its preference is on; never part of the always-on script).
 * Leaves apply() where the content script looks for it: given every preference
 * change, it shows, updates or removes the button.
 */
import { createPageButton, type PageButton } from './page-button';

let shown: PageButton | undefined;

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools['page-button'] ??= {
  apply(preferences) {
    // A document that is itself an editor (designMode) would take our host into what the user writes.
    if (preferences.pageButton && document.designMode !== 'on') {
      if (shown) shown.update(preferences);
      else shown = createPageButton(preferences);
    } else {
      shown?.remove();
      shown = undefined;
    }
  },
};
