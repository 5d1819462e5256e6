/**
 * The always-on content script: kept tiny (no framework, no reading-mode
 * code). Built as a plain IIFE so it runs at true document_start; boot files
 * registered just before it may leave preferences in `__easyReadBoot`, so the
 * first painted frame already has the right size and adjustments while
 * storage is still being read.
 */
import type { BootPreferences } from '../shared/boot-scripts';
import { FEATURES, hasAdjustments, isFeatureOn } from '../shared/features/registry';
import { sendToBackground } from '../shared/messaging';
import { type EffectivePreferences, resolvePreferences } from '../shared/preferences/resolve';
import { DEFAULT_GLOBAL_PREFERENCES, repairSitePreferences } from '../shared/preferences/schema';
import { GLOBAL_KEY, loadPreferences, siteKey, watchPreferences } from '../shared/preferences/storage';
import { createTextSizeController } from './text-scale/text-size-controller';
import { createToolSwitch } from './tool-switch';

declare global {
  var __easyReadBoot: BootPreferences | undefined;
  var __easyReadRunning: boolean | undefined;
}

/** Documents made of HTML elements; SVG and other XML documents have no text of ours to size or style. */
const HTML_DOCUMENTS = /^(text\/(html|plain)|application\/xhtml\+xml)$/;

/**
 * The site whose preferences a frame follows. about:blank, about:srcdoc and
 * javascript: frames inherit their creator's origin (self.origin, where
 * location.origin says "null"); a sandboxed frame has an opaque origin and
 * follows the tab's site, which only the background can tell.
 */
async function frameOrigin(): Promise<string | undefined> {
  if (self.origin !== 'null') return self.origin;
  if (window.top === window) return undefined; // a top-level data: or about:blank page has no site
  const reply = await sendToBackground({ type: 'frame-site' }).catch(() => undefined);
  return reply?.origin ?? undefined;
}

function run(): void {
  if (!HTML_DOCUMENTS.test(document.contentType)) return;
  const textSize = createTextSizeController(document);
  const top = window.top === window;
  const tools = [
    createToolSwitch('adjustments', hasAdjustments),
    ...FEATURES.flatMap((feature) =>
      feature.tool && (top || !feature.topOnly) ? [createToolSwitch(feature.tool, (preferences) => isFeatureOn(feature, preferences))] : [],
    ),
  ];
  const apply = (preferences: EffectivePreferences) => {
    for (const tool of tools) tool(preferences);
    textSize.apply(preferences.textScale);
  };

  // Boot files are ours, but check them like any stored data: a bad value must not break the page.
  const boot = repairSitePreferences(globalThis.__easyReadBoot ?? {}).value;
  if (Object.keys(boot).length > 0) apply(resolvePreferences(DEFAULT_GLOBAL_PREFERENCES, boot));

  void frameOrigin().then((origin) => {
    if (!origin) return;
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
  });
}

// Injected again by the toolbar or a shortcut on a page where it already runs: one instance is enough.
if (!globalThis.__easyReadRunning) {
  globalThis.__easyReadRunning = true;
  run();
}
