/**
 * Reading ruler on the live page, run by the background when the content
 * script asks for it (only while the preference is on; never part of the
 * always-on script). Leaves apply() where the content script looks for it:
 * given every preference change, it starts or stops the ruler.
 */
import { startLineFocus } from './line-focus';

let stop: (() => void) | undefined;
globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools['line-focus'] ??= {
  apply({ pageLineFocus }) {
    if (pageLineFocus) stop ??= startLineFocus();
    else {
      stop?.();
      stop = undefined;
    }
  },
};
