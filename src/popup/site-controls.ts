/**
 * The popup's note that the site has its own text-size / colour buttons:
 * the pure detector runs in the tab (executeScript sends its source text),
 * and the hint under the text-size panel says that EasyRead's settings apply
 * on top of them. Nothing is shown when detection fails or finds nothing.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { detectSiteControls, type SiteControls } from '../shared/site-controls-detect';

function isSiteControls(value: unknown): value is SiteControls {
  if (typeof value !== 'object' || value === null) return false;
  const found = value as Record<string, unknown>;
  return typeof found.textSize === 'boolean' && typeof found.colours === 'boolean';
}

export async function findSiteControls(tabId: number): Promise<SiteControls | undefined> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: detectSiteControls });
    return isSiteControls(frame?.result) ? frame.result : undefined;
  } catch {
    return undefined;
  }
}

export async function showSiteControlsHint(tabId: number, hint: HTMLElement): Promise<void> {
  const found = await findSiteControls(tabId);
  if (!found) return;
  const messages = [...(found.textSize ? [t('siteControlsTextSize')] : []), ...(found.colours ? [t('siteControlsColours')] : [])];
  if (messages.length === 0) return;
  hint.textContent = messages.join(' ');
  hint.hidden = false;
}
