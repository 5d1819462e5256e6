/**
 * Switches the reading ruler on and off from preferences. Its code is not in
 * the always-on script: the first time it is wanted, the background runs the
 * line-focus script in this frame, which leaves its start() on the shared
 * content-script global. Top frame only: the ruler spans the whole tab.
 */
import browser from 'webextension-polyfill';

export interface LineFocusLoader {
  apply(on: boolean): void;
}

export function createLineFocusLoader(): LineFocusLoader {
  let wanted = false;
  let stop: (() => void) | undefined;
  let loading: Promise<unknown> | undefined;

  async function update(): Promise<void> {
    if (!wanted) {
      stop?.();
      stop = undefined;
      return;
    }
    if (stop) return;
    if (!globalThis.__easyReadLineFocus) {
      loading ??= browser.runtime.sendMessage({ type: 'load-page-tool', tool: 'line-focus' }).catch((error: unknown) => {
        console.info('[EasyRead] reading ruler unavailable:', error);
      });
      await loading;
      loading = undefined;
    }
    // The preference may have changed while the script was loading.
    if (wanted && !stop) stop = globalThis.__easyReadLineFocus?.start();
  }

  return {
    apply(on) {
      if (window.top !== window || on === wanted) return;
      wanted = on;
      void update();
    },
  };
}
