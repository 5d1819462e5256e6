/**
 * Switches the reading ruler on and off from preferences, loading its script
 * the first time it is wanted. Top frame only: the ruler spans the whole tab.
 */
import { loadPageTool } from './page-tool-loader';

export interface LineFocusLoader {
  apply(on: boolean): void;
}

export function createLineFocusLoader(): LineFocusLoader {
  let wanted = false;
  let stop: (() => void) | undefined;

  async function update(): Promise<void> {
    if (!wanted) {
      stop?.();
      stop = undefined;
      return;
    }
    if (stop) return;
    const tool = await loadPageTool('line-focus');
    // The preference may have changed while the script was loading.
    if (wanted && !stop) stop = tool?.start();
  }

  return {
    apply(on) {
      if (window.top !== window || on === wanted) return;
      wanted = on;
      void update();
    },
  };
}
