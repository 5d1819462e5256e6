/**
 * Feature code that is not needed on every page is not in the always-on
 * script: the first time a feature is wanted in a frame, the background runs
 * its script there (by name, only our own files), and the script leaves its
 * entry point on `__easyReadTools`, a global of our content-script world that
 * the page cannot see. Sites where the feature is on get the script in their
 * automatic registration too, so it is already there for the first frame.
 */
import type { PageToolName } from '../shared/messages';
import { sendToBackground } from '../shared/messaging';
import type { EffectivePreferences } from '../shared/preferences/resolve';

/** A tool switched by preferences (see tool-switch.ts): given every change, it turns itself off when not wanted. */
export interface SwitchedTool {
  apply(preferences: EffectivePreferences): void;
}

/** The tools switched by preferences: the adjustments and every feature's own tool. */
export type ToolName = Exclude<PageToolName, 'unclip'>;

/** What each page tool's script leaves for the content script (see PAGE_TOOLS). */
export type PageTools = Record<ToolName, SwitchedTool> & {
  unclip: { start(document: Document): { refresh(added?: readonly Element[]): void; stop(): void } };
};

declare global {
  var __easyReadTools: Partial<PageTools> | undefined;
}

const loading = new Map<PageToolName, Promise<unknown>>();

/** The tool if its script already ran in this frame (so callers can use it synchronously, before first paint). */
export function loadedPageTool<N extends PageToolName>(name: N): PageTools[N] | undefined {
  return globalThis.__easyReadTools?.[name];
}

export async function loadPageTool<N extends PageToolName>(name: N): Promise<PageTools[N] | undefined> {
  if (!loadedPageTool(name)) {
    let load = loading.get(name);
    if (!load) {
      load = sendToBackground({ type: 'load-page-tool', tool: name }).catch((error: unknown) => {
        console.info(`[EasyRead] ${name} unavailable:`, error);
      });
      loading.set(name, load);
    }
    await load;
    loading.delete(name);
  }
  return loadedPageTool(name);
}
