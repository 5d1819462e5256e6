/**
 * Keeps enlarged text from being cut off by the page's fixed-size boxes. The
 * work is the `unclip` page tool, not part of the always-on script: the first
 * time text is scaled in this frame, the background runs it here.
 */
import browser from 'webextension-polyfill';

export interface UnclipLoader {
  /** After a scale change (no argument) or newly pinned text: check the boxes around it. */
  refresh(added?: readonly Element[]): void;
  stop(): void;
}

export function createUnclipLoader(document: Document): UnclipLoader {
  let tool: ReturnType<NonNullable<typeof globalThis.__easyReadUnclip>['start']> | undefined;
  let wanted = false;
  let loading = false;

  function refresh(added?: readonly Element[]): void {
    wanted = true;
    // start() checks every box, so what arrives while loading needs nothing more.
    if (tool) tool.refresh(added);
    else if (globalThis.__easyReadUnclip) tool = globalThis.__easyReadUnclip.start(document);
    else if (!loading) {
      loading = true;
      void browser.runtime
        .sendMessage({ type: 'load-page-tool', tool: 'unclip' })
        .catch(() => undefined)
        .then(() => {
          // A frame the tool cannot be run in is not asked again on every new text.
          if (!globalThis.__easyReadUnclip) return;
          loading = false;
          if (wanted) refresh();
        });
    }
  }

  return {
    refresh,
    stop() {
      wanted = false;
      tool?.stop();
      tool = undefined;
    },
  };
}
