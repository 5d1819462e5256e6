/**
 * Keeps the registered content scripts in step with the granted host
 * permissions and the stored text sizes.
 */
import browser from 'webextension-polyfill';
import contentScript from '../content/main.iife.ts?script';
import { bootScriptsFor } from '../shared/boot-scripts';
import { hasAdjustments } from '../shared/features/registry';
import type { EffectivePreferences } from '../shared/preferences/resolve';
import { loadAllSites, loadPreferences } from '../shared/preferences/storage';
import { AUTO_APPLY_ID_PREFIX, planAutoApply } from './auto-apply-plan';
import { PAGE_TOOL_SCRIPTS } from './page-tools';
import { attachToTab } from './tab-access';

/** What must run before the content script for the first frame to be right: boot files, and the adjustments' code when one is on. */
function scriptsBefore(preferences: EffectivePreferences): string[] {
  const boot = bootScriptsFor(preferences);
  return hasAdjustments(preferences) ? [...boot, PAGE_TOOL_SCRIPTS.adjustments] : boot;
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
  if (added.length > 0) await register(added);
  if (removed.length > 0) await browser.scripting.unregisterContentScripts({ ids: removed });
  await catchUpLoadingTabs();
}

/**
 * Chromium can skip a registered script for a page that starts loading while the registration is
 * being updated (seen after a size change followed at once by a reload: the page stayed at 100%).
 * Pages still loading get the content script now; where it already runs, the second copy does
 * nothing. Only tabs of granted sites are reachable (their URL is visible to us), and only loading ones.
 */
async function catchUpLoadingTabs(): Promise<void> {
  const loading = await browser.tabs.query({ status: 'loading' });
  for (const tab of loading) {
    if (tab.id !== undefined && tab.url && /^https?:/.test(tab.url)) await attachToTab(tab.id);
  }
}

/** All at once; if the browser refuses the batch, one by one, so one refused registration cannot block the others. */
async function register(scripts: browser.Scripting.RegisteredContentScript[]): Promise<void> {
  try {
    await browser.scripting.registerContentScripts(scripts);
  } catch {
    for (const script of scripts) {
      await browser.scripting.registerContentScripts([script]).catch((error: unknown) => {
        console.warn(`[EasyRead] automatic script ${script.id} not registered`, error);
      });
    }
  }
}

/** Serialized: two overlapping syncs would register the same ids twice. */
export function syncAutoApply(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => console.error('[EasyRead] could not update automatic scripts', error));
  return queue;
}
