/**
 * Switches one page tool from preferences: its script loads the first time the
 * tool is wanted in this frame; once loaded it is given every change and turns
 * itself off (removing all it added) when it is no longer wanted. One switch for
 * the adjustments and one per feature with a tool of its own, so a new tool
 * costs the always-on script nothing but its description.
 */
import type { EffectivePreferences } from '../shared/preferences/resolve';
import type { ToolName } from './page-tool-loader';
import { loadedPageTool, loadPageTool } from './page-tool-loader';

export function createToolSwitch(
  name: ToolName,
  wanted: (preferences: EffectivePreferences) => boolean,
): (preferences: EffectivePreferences) => void {
  let latest: EffectivePreferences | undefined;
  return (preferences) => {
    latest = preferences;
    const loaded = loadedPageTool(name);
    if (loaded) loaded.apply(preferences);
    // The preferences may change while the script loads: it gets the latest.
    else if (wanted(preferences)) void loadPageTool(name).then((tool) => latest && tool?.apply(latest));
  };
}
