/**
 * Keeps enlarged text from being cut off by the page's fixed-size boxes. The
 * work is the `unclip` page tool, not part of the always-on script: the first
 * time text is scaled in this frame, the background runs it here.
 */
import { loadedPageTool, loadPageTool, type PageTools } from './page-tool-loader';

export interface UnclipLoader {
  /** After a scale change (no argument) or newly pinned text: check the boxes around it. */
  refresh(added?: readonly Element[]): void;
  stop(): void;
}

export function createUnclipLoader(document: Document): UnclipLoader {
  let tool: ReturnType<PageTools['unclip']['start']> | undefined;
  let wanted = false;
  let asked = false;

  function refresh(added?: readonly Element[]): void {
    wanted = true;
    const loaded = loadedPageTool('unclip');
    // start() checks every box, so what arrives while loading needs nothing more.
    if (tool) tool.refresh(added);
    else if (loaded) tool = loaded.start(document);
    else if (!asked) {
      // A frame the tool cannot be run in is asked once, not on every new text.
      asked = true;
      void loadPageTool('unclip').then((loadedNow) => {
        if (loadedNow && wanted && !tool) tool = loadedNow.start(document);
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
