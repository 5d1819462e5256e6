/**
 * Changes as the user means them: into the site's own settings when it has
 * them, otherwise into the settings for all sites.
 */
import { nextTextScale, type TextScaleStep, type TextSizeCommand } from '../text-scale-steps';
import { resolvePreferences, type Scope, scopeOf } from './resolve';
import type { SitePreferences } from './schema';
import { forgetSite, loadPreferences, updateGlobalPreferences, updateSitePreferences } from './storage';

export async function setPreferences(origin: string, patch: SitePreferences): Promise<Scope> {
  const { site } = await loadPreferences(origin);
  const scope = scopeOf(site);
  if (scope === 'site') await updateSitePreferences(origin, patch);
  else await updateGlobalPreferences(patch);
  return scope;
}

export function setTextScale(origin: string, textScale: TextScaleStep): Promise<Scope> {
  return setPreferences(origin, { textScale });
}

export async function changeTextScale(origin: string, command: TextSizeCommand): Promise<{ textScale: TextScaleStep; scope: Scope }> {
  const { global, site } = await loadPreferences(origin);
  const textScale = nextTextScale(command, resolvePreferences(global, site).textScale);
  return { textScale, scope: await setTextScale(origin, textScale) };
}

/** The reading ruler on or off, saved where the popup says; the content script follows storage. */
export async function toggleLineFocus(origin: string): Promise<boolean> {
  const { global, site } = await loadPreferences(origin);
  const on = !resolvePreferences(global, site).pageLineFocus;
  await setPreferences(origin, { pageLineFocus: on });
  return on;
}

/**
 * "This site": the site keeps the size it shows now as its own (other fields
 * join as the user changes them, so hundreds of sites still fit in sync storage).
 * "All sites": it follows the global settings again.
 */
export async function setScope(origin: string, scope: Scope): Promise<void> {
  const { global, site } = await loadPreferences(origin);
  if (scope === 'global') {
    await forgetSite(origin);
  } else if (!site) {
    await updateSitePreferences(origin, { textScale: resolvePreferences(global, site).textScale });
  }
}
