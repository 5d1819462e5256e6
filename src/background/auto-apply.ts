/**
 * Keeps the registered content scripts in step with the granted host
 * permissions and the stored text sizes.
 */
import browser from 'webextension-polyfill';
import contentScript from '../content/main.iife.ts?script';
import { bootScriptsFor } from '../shared/boot-scripts';
import { loadAllSites, loadPreferences } from '../shared/preferences/storage';
import { AUTO_APPLY_ID_PREFIX, planAutoApply } from './auto-apply-plan';

let queue: Promise<void> = Promise.resolve();

async function sync(): Promise<void> {
  const [permissions, { global }, sites] = await Promise.all([browser.permissions.getAll(), loadPreferences(undefined), loadAllSites()]);
  const plan = planAutoApply({
    grantedOrigins: permissions.origins ?? [],
    global,
    sites,
    contentScript,
    bootScripts: bootScriptsFor,
  });
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.map((script) => script.id).filter((id) => id.startsWith(AUTO_APPLY_ID_PREFIX));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  if (plan.length > 0) await browser.scripting.registerContentScripts(plan);
}

/** Serialized: two overlapping syncs would register the same ids twice. */
export function syncAutoApply(): Promise<void> {
  queue = queue.then(sync).catch((error: unknown) => console.error('[EasyRead] could not update automatic scripts', error));
  return queue;
}
