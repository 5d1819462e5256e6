/**
 * The always-on content script: kept tiny (no framework, no reading-mode
 * code). Built as a plain IIFE so it runs at true document_start; a boot file
 * registered just before it may leave the text size in `__easyReadBoot`, so the
 * first painted frame already has the right size while storage is still read.
 */

import { resolvePreferences } from '../shared/preferences/resolve';
import { GLOBAL_KEY, loadPreferences, siteKey, watchPreferences } from '../shared/preferences/storage';
import { isTextScaleStep } from '../shared/text-scale-steps';
import { createTextSizeController } from './text-scale/text-size-controller';

declare global {
  var __easyReadBoot: { textScale?: number } | undefined;
  var __easyReadRunning: boolean | undefined;
}

function run(): void {
  const origin = location.origin;
  if (origin === 'null') return; // about:blank, data: and sandboxed frames have no site to remember
  const textSize = createTextSizeController(document);
  const boot = globalThis.__easyReadBoot?.textScale;
  if (isTextScaleStep(boot)) textSize.apply(boot);

  let latestRead = 0;
  const refresh = async () => {
    const read = ++latestRead;
    const stored = await loadPreferences(origin);
    if (read === latestRead) textSize.apply(resolvePreferences(stored.global, stored.site).textScale);
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
