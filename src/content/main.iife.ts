/**
 * The always-on content script: kept tiny (no framework, no reading-mode
 * code). Built as a plain IIFE so it runs at true document_start; boot files
 * registered just before it may leave preferences in `__easyReadBoot`, so the
 * first painted frame already has the right size and adjustments while
 * storage is still being read.
 */
import type { BootPreferences } from '../shared/boot-scripts';
import { type EffectivePreferences, resolvePreferences } from '../shared/preferences/resolve';
import { DEFAULT_GLOBAL_PREFERENCES, repairSitePreferences } from '../shared/preferences/schema';
import { GLOBAL_KEY, loadPreferences, siteKey, watchPreferences } from '../shared/preferences/storage';
import { createAdjustmentsController } from './adjustments/adjustments-controller';
import { createLineFocusLoader } from './line-focus-loader';
import { createTextSizeController } from './text-scale/text-size-controller';

declare global {
  var __easyReadBoot: BootPreferences | undefined;
  var __easyReadRunning: boolean | undefined;
}

function run(): void {
  const origin = location.origin;
  if (origin === 'null') return; // about:blank, data: and sandboxed frames have no site to remember
  const textSize = createTextSizeController(document);
  const adjustments = createAdjustmentsController(document);
  const lineFocus = createLineFocusLoader();
  const apply = (preferences: EffectivePreferences) => {
    adjustments.apply(preferences);
    textSize.apply(preferences.textScale);
    lineFocus.apply(preferences.pageLineFocus);
  };

  // Boot files are ours, but check them like any stored data: a bad value must not break the page.
  const boot = repairSitePreferences(globalThis.__easyReadBoot ?? {}).value;
  if (Object.keys(boot).length > 0) apply(resolvePreferences(DEFAULT_GLOBAL_PREFERENCES, boot));

  let latestRead = 0;
  const refresh = async () => {
    const read = ++latestRead;
    const stored = await loadPreferences(origin);
    if (read === latestRead) apply(resolvePreferences(stored.global, stored.site));
  };
  void refresh();
  const ownKey = siteKey(origin);
  watchPreferences((keys) => {
    if (keys.includes(GLOBAL_KEY) || keys.includes(ownKey)) void refresh();
  });
}

// Injected again by the toolbar or a shortcut on a page where it already runs: one instance is enough.
if (!globalThis.__easyReadRunning) {
  globalThis.__easyReadRunning = true;
  run();
}
