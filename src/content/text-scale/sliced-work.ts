/**
 * Finds, measures and pins the text of a page in slices, so that no task of
 * ours blocks the main thread for long on huge pages (200,000 elements took
 * one 5.8 s task when done at once). The first slice, from what is on
 * screen, is done at once, so a page of ordinary size is done before its
 * first frame. The rest is first found and read, in tasks of about
 * BUDGET_MS (reads change nothing, so no layout runs between them), then
 * written in a few large batches: every batch of writes costs the browser a
 * relayout, and 150 small ones cost it far more than a few large ones.
 */

/** Elements done at once: a page of ordinary size (METI's releases have ~600 text elements). */
const FIRST_SLICE = 1500;
const BUDGET_MS = 40;
const READ_CHUNK = 250;
const WRITE_CHUNK = 5000;

export interface SlicedWorker<T> {
  read(elements: Element[]): T[];
  write(elements: Element[], values: T[]): void;
}

/** Gives the next few text elements of a walk through the page, or undefined at its end. */
export type ElementSource = () => Element[] | undefined;

export interface SlicedWork {
  add(elements: Element[]): void;
  /** Takes elements from a walk through the page, the first slice at once. */
  addSource(source: ElementSource): void;
  cancel(): void;
}

export function createSlicedWork<T>(window: Window | null, worker: SlicedWorker<T>): SlicedWork {
  /** Elements to read, from `next` on (a cursor: shifting a 150,000-element array per chunk would be quadratic). */
  let toRead: Element[] = [];
  let next = 0;
  const readElements: Element[] = [];
  const readValues: T[] = [];
  let sources: ElementSource[] = [];
  let timer = 0;

  const now = () => performance.now();
  const idle = () => next >= toRead.length && readElements.length === 0 && sources.length === 0;

  /** More elements to read from the first source, if any is left. */
  function pull(): boolean {
    while (sources.length > 0) {
      const found = sources[0]();
      if (found) {
        toRead.push(...found);
        return true;
      }
      sources.shift();
    }
    return false;
  }

  function runSlice(): void {
    timer = 0;
    const started = now();
    while (now() - started < BUDGET_MS && (next < toRead.length || pull())) {
      const chunk = toRead.slice(next, next + READ_CHUNK);
      next += chunk.length;
      readElements.push(...chunk);
      readValues.push(...worker.read(chunk));
    }
    if (next >= toRead.length && sources.length === 0) {
      toRead = [];
      next = 0;
      if (readElements.length > 0) worker.write(readElements.splice(0, WRITE_CHUNK), readValues.splice(0, WRITE_CHUNK));
    }
    schedule();
  }

  function schedule(): void {
    if (!idle() && !timer && window) timer = window.setTimeout(runSlice);
  }

  /**
   * Up to FIRST_SLICE elements at once. While the page loads that is all of them (its first frame
   * must be right, and the document is still small); on a page already shown, no more than
   * BUDGET_MS of reading: the rest follows in the next tasks.
   */
  function firstSlice(): void {
    const started = now();
    const bounded = window !== null && window.document.readyState !== 'loading';
    const elements: Element[] = [];
    const values: T[] = [];
    while (elements.length < FIRST_SLICE && (next < toRead.length || pull())) {
      if (bounded && now() - started > BUDGET_MS) break;
      const chunk = toRead.slice(next, next + Math.min(READ_CHUNK, FIRST_SLICE - elements.length));
      next += chunk.length;
      elements.push(...chunk);
      values.push(...worker.read(chunk));
    }
    worker.write(elements, values);
  }

  return {
    add(elements) {
      const wasIdle = idle();
      // One by one: spreading 100,000 arguments into push() would overflow the stack.
      for (const element of elements) toRead.push(element);
      if (wasIdle) firstSlice();
      schedule();
    },
    addSource(source) {
      const wasIdle = idle();
      sources.push(source);
      if (wasIdle) firstSlice();
      schedule();
    },
    cancel() {
      if (timer) window?.clearTimeout(timer);
      timer = 0;
      toRead = [];
      next = 0;
      sources = [];
      readElements.length = 0;
      readValues.length = 0;
    },
  };
}
