/**
 * Turns the effective text size into page state: 100% means "not there at
 * all" (no attribute, style or observer left behind), anything else runs the
 * scaler. Waits for <html> when started at document_start before it exists.
 */
import { startTextScaler, type TextScaler } from './text-scaler';

export interface TextSizeController {
  apply(percent: number): void;
}

export function createTextSizeController(document: Document): TextSizeController {
  let scaler: TextScaler | undefined;
  let wanted = 100;
  let waitingForRoot: MutationObserver | undefined;

  function update(): void {
    if (wanted === 100) {
      scaler?.stop();
      scaler = undefined;
      return;
    }
    if (scaler) {
      scaler.setScale(wanted);
      return;
    }
    if (!document.documentElement) {
      waitingForRoot ??= new MutationObserver(() => {
        if (!document.documentElement) return;
        waitingForRoot?.disconnect();
        waitingForRoot = undefined;
        update();
      });
      waitingForRoot.observe(document, { childList: true });
      return;
    }
    scaler = startTextScaler(document, wanted);
  }

  return {
    apply(percent: number) {
      wanted = percent;
      update();
    },
  };
}
