/**
 * Runs a long list of elements through `work` in slices, so that no task of
 * ours blocks the main thread for long on huge pages (200,000 elements took
 * one 5.8 s task when done at once). The first slice runs at once, so a page
 * of ordinary size is done before its first frame; the rest follow in later
 * tasks, starting with what is on screen.
 */

/** Elements per slice: about 20 ms of measuring and pinning on the bench machine. */
export const SLICE = 1500;

export interface SlicedWork {
  add(elements: Element[]): void;
  cancel(): void;
}

export function createSlicedWork(window: Window | null, work: (elements: Element[]) => void): SlicedWork {
  let pending: Element[] = [];
  let timer = 0;

  function runSlice(): void {
    timer = 0;
    work(pending.splice(0, SLICE));
    if (pending.length > 0 && window) timer = window.setTimeout(runSlice);
  }

  return {
    add(elements) {
      if (elements.length <= SLICE && pending.length === 0) {
        work(elements);
        return;
      }
      pending = [...pending, ...onScreenFirst(window, elements)];
      if (!timer) runSlice();
    },
    cancel() {
      if (timer) window?.clearTimeout(timer);
      timer = 0;
      pending = [];
    },
  };
}

/**
 * The list from the first element at the top of the viewport on, then the
 * part above it: elements arrive in document order, so one hit test finds
 * where the screen starts, without a layout of every element.
 */
function onScreenFirst(window: Window | null, elements: Element[]): Element[] {
  const top = window?.document.elementFromPoint(window.innerWidth / 2, 1);
  if (!top) return elements;
  let low = 0;
  let high = elements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const order = elements[middle].compareDocumentPosition(top);
    if (order & Node.DOCUMENT_POSITION_FOLLOWING && !(order & Node.DOCUMENT_POSITION_CONTAINED_BY)) low = middle + 1;
    else high = middle;
  }
  // Start a little earlier: the element under the top edge is usually a container of the first text.
  const start = Math.max(0, low - 50);
  return [...elements.slice(start), ...elements.slice(0, start)];
}
