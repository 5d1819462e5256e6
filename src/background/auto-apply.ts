/**
 * Keeps the registered content scripts in step with the granted host
 * permissions and the stored text sizes.
 */
import browser from 'webextension-polyfill';
import contentScript from '../content/main.iife.ts?script';
import { bootScriptsFor } from '../shared/boot-scripts';
import { hasAdjustments, pageAdjustmentsOf } from '../shared/page-adjustments';
import type { EffectivePreferences } from '../shared/preferences/resolve';
import { loadAllSites, loadPreferences } from '../shared/preferences/storage';
import { AUTO_APPLY_ID_PREFIX, planAutoApply } from './auto-apply-plan';
import { PAGE_TOOL_SCRIPTS } from './page-tools';

/** What must run before the content script for the first frame to be right: boot files, and the adjustments' code when one is on. */
function scriptsBefore(preferences: EffectivePreferences): string[] {
  const boot = bootScriptsFor(preferences);
  return hasAdjustments(pageAdjustmentsOf(preferences)) ? [...boot, PAGE_TOOL_SCRIPTS.adjustments] : boot;
}

let queue: Promise<void> = Promise.resolve();

async function sync(): Promise<void> {
  const [permissions, { global }, sites] = await Promise.all([browser.permissions.getAll(), loadPreferences(undefined), loadAllSites()]);
  const plan = planAutoApply({
    grantedOrigins: permissions.origins ?? [],
    global,
    sites,
    contentScript,
    bootScripts: scriptsBefore,
  });
  // Update in place, add, then remove: unregistering everything first would leave a moment in
  // which a page that loads gets no content script at all.
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id).filter((id) => id.startsWith(AUTO_APPLY_ID_PREFIX)),
  );
  const kept = plan.filter((script) => registered.has(script.id));
  const added = plan.filter((script) => !registered.has(script.id));
  const removed = [...registered].filter((id) => !plan.some((script) => script.id === id));
  // An update leaves out properties it is not given: say "no exclusions" explicitly.
  if (kept.length > 0) await browser.scripting.updateContentScripts(kept.map((script) => ({ excludeMatches: [], ...script })));
  if (added.length > 0) await browser.scripting.registerContentScripts(added);
  if (removed.length > 0) await browser.scripting.unregisterContentScripts({ ids: removed });
}

/** Serialized: two overlapping syncs would register the same ids twice. */
export function syncAutoApply(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => console.error('[EasyRead] could not update automatic scripts', error));
  return queue;
}
