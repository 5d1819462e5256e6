/**
 * Shows the optional on-page button while its preference is on, loading its
 * script the first time it is wanted. Top frame only: one button per tab.
 */
import type { EffectivePreferences } from '../shared/preferences/resolve';
import { loadedPageTool, loadPageTool } from './page-tool-loader';

export function createPageButtonLoader(): (preferences: EffectivePreferences) => void {
  let latest: EffectivePreferences | undefined;
  return (preferences) => {
    if (window.top !== window) return;
    latest = preferences.pageButton ? preferences : undefined;
    // The preference may change while the script loads: the latest wins.
    if (latest) void loadPageTool('page-button').then((tool) => latest && tool?.show(latest));
    else loadedPageTool('page-button')?.hide();
  };
}
