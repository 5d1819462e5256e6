/**
 * Turns the effective text size into page state: 100% means "not there at
 * all" (no attribute, style or observer left behind), anything else runs the
 * scaler.
 */
import { createUnclipLoader } from '../unclip-loader';
import { whenRootExists } from '../when-root-exists';
import { startTextScaler, type TextScaler } from './text-scaler';

export interface TextSizeController {
  apply(percent: number): void;
}

export function createTextSizeController(document: Document): TextSizeController {
  let scaler: TextScaler | undefined;
  let wanted = 100;
  let waiting = false;
  const unclip = createUnclipLoader(document);

  function update(): void {
    if (wanted === 100) {
      scaler?.stop();
      scaler = undefined;
      unclip.stop();
    } else if (scaler) {
      scaler.setScale(wanted);
    } else if (!waiting) {
      waiting = true;
      whenRootExists(document, () => {
        waiting = false;
        if (wanted !== 100 && !scaler) scaler = startTextScaler(document, wanted, unclip.refresh);
      });
    }
  }

  return {
    apply(percent: number) {
      wanted = percent;
      update();
    },
  };
}
