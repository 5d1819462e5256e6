/**
 * Finds, measures and pins the text of a page in slices, so that no task of
 * ours blocks the main thread for long on huge pages (200,000 elements took
 * one 5.8 s task when done at once). The first slice, from what is on
 * screen, is done at once, so a page of ordinary size is done before its
 * first frame. The rest is first found and read, then written, in tasks of
 * about BUDGET_MS each: reads change nothing, so no style or layout runs
 * between them, and no task reads after writing (the browser would restyle
 * what was written inside our task to answer the read).
 */

/** Elements done at once: a page of ordinary size (METI's releases have ~600 text elements). */
const FIRST_SLICE = 1500;
/** Main-thread time per task: well under the 50 ms of a "long task", with room for a busy machine. */
const BUDGET_MS = 20;
/** The first slice may take longer: on a page already shown it is the text on screen, changed in one frame. */
const FIRST_BUDGET_MS = 40;
/** Elements read or written between two looks at the clock. */
const CHUNK = 100;

export interface SlicedWorker<T> {
  read(elements: Element[]): T[];
  write(elements: Element[], values: T[]): void;
  /** All found elements are written (after the first slice, or after the last of the later ones). */
  settled?(): void;
}

/** Gives the next few text elements of a walk through the page, or undefined at its end. */
export type ElementSource = () => Element[] | undefined;

export interface SlicedWork {
  add(elements: Element[]): void;
  /** Takes elements from a walk through the page, the first slice at once. */
  addSource(source: ElementSource): void;
  /**
   * The page's styles just changed under elements already done (a stylesheet loaded): what was read
   * and not yet written is stale and read again later; up to FIRST_SLICE of these are done at once,
   * so the next frame shows them right, the rest in slices.
   */
  redo(elements: Element[]): void;
  cancel(): void;
}

export function createSlicedWork<T>(window: Window | null, worker: SlicedWorker<T>): SlicedWork {
  /** Elements to read, from `next` on (a cursor: shifting a 150,000-element array per chunk would be quadratic). */
  let toRead: Element[] = [];
  let next = 0;
  /** Elements read and their values, written up to `written`. */
  let readElements: Element[] = [];
  let readValues: T[] = [];
  let written = 0;
  let sources: ElementSource[] = [];
  let cancelTimer: (() => void) | undefined;

  const now = () => performance.now();
  const allRead = () => next >= toRead.length && sources.length === 0;
  const idle = () => allRead() && written >= readElements.length;

  /** More elements to read from the first source, if any is left. */
  function pull(): boolean {
    while (sources.length > 0) {
      const found = sources[0]();
      if (found) {
        for (const element of found) toRead.push(element);
        return true;
      }
      sources.shift();
    }
    return false;
  }

  function readChunk(size: number): void {
    const chunk = toRead.slice(next, next + size);
    next += chunk.length;
    const values = worker.read(chunk);
    for (let index = 0; index < chunk.length; index++) {
      readElements.push(chunk[index]);
      readValues.push(values[index]);
    }
  }

  /** Writes what was read up to `end`; once all is written, says so. */
  function writeUpTo(end: number): void {
    worker.write(readElements.slice(written, end), readValues.slice(written, end));
    written = end;
    if (written < readElements.length || !allRead()) return;
    toRead = [];
    next = 0;
    readElements = [];
    readValues = [];
    written = 0;
    worker.settled?.();
  }

  function runSlice(): void {
    cancelTimer = undefined;
    const started = now();
    const inBudget = () => now() - started < BUDGET_MS;
    let wrote = false;
    while (inBudget() && (next < toRead.length || pull())) readChunk(CHUNK);
    while (allRead() && !idle() && inBudget()) {
      writeUpTo(Math.min(written + CHUNK, readElements.length));
      wrote = true;
    }
    schedule(wrote);
  }

  /**
   * The next slice: after a frame if it will read what this one wrote (an idle callback runs once the
   * frame is rendered, and so the browser styles our writes in its own task, not inside our read).
   */
  function schedule(afterWrites: boolean): void {
    if (idle() || cancelTimer || !window) return;
    if (afterWrites && !allRead() && window.requestIdleCallback) {
      const handle = window.requestIdleCallback(runSlice, { timeout: 100 });
      cancelTimer = () => window.cancelIdleCallback(handle);
    } else {
      const handle = window.setTimeout(runSlice);
      cancelTimer = () => window.clearTimeout(handle);
    }
  }

  /**
   * Up to FIRST_SLICE elements at once. While the page loads that is all of them (its first frame
   * must be right, and the document is still small); on a page already shown, no more than
   * FIRST_BUDGET_MS of reading: the rest follows in the next tasks.
   */
  function firstSlice(): void {
    const started = now();
    const bounded = window !== null && window.document.readyState !== 'loading';
    while (readElements.length < FIRST_SLICE && (next < toRead.length || pull())) {
      if (bounded && now() - started > FIRST_BUDGET_MS) break;
      readChunk(Math.min(CHUNK, FIRST_SLICE - readElements.length));
    }
    writeUpTo(readElements.length);
    schedule(true);
  }

  return {
    add(elements) {
      const wasIdle = idle();
      // One by one: spreading 100,000 arguments into push() would overflow the stack.
      for (const element of elements) toRead.push(element);
      if (wasIdle) firstSlice();
      else schedule(false);
    },
    addSource(source) {
      const wasIdle = idle();
      sources.push(source);
      if (wasIdle) firstSlice();
      else schedule(false);
    },
    redo(elements) {
      toRead = [...readElements.slice(written), ...toRead.slice(next), ...elements.slice(FIRST_SLICE)];
      next = 0;
      readElements = [];
      readValues = [];
      written = 0;
      const now = elements.slice(0, FIRST_SLICE);
      worker.write(now, worker.read(now));
      if (idle()) worker.settled?.();
      else schedule(true);
    },
    cancel() {
      cancelTimer?.();
      cancelTimer = undefined;
      toRead = [];
      next = 0;
      sources = [];
      readElements = [];
      readValues = [];
      written = 0;
    },
  };
}
