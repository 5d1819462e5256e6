/**
 * The two helpers of the `async` package that kuromoji's dictionary loader uses, in place of
 * `async` itself: that package brings lodash, whose `Function('return this')` Firefox's add-on
 * linter rejects as eval, and ~60 KB the analyzer does not need.
 */
type Callback<T> = (error: unknown, result?: T) => void;

export function map<I, O>(items: readonly I[], each: (item: I, done: Callback<O>) => void, finished: Callback<O[]>): void {
  const results: O[] = new Array(items.length);
  let left = items.length;
  let failed = false;
  if (left === 0) finished(null, results);
  items.forEach((item, index) => {
    each(item, (error, result) => {
      if (failed) return;
      if (error) {
        failed = true;
        finished(error);
        return;
      }
      results[index] = result as O;
      if (--left === 0) finished(null, results);
    });
  });
}

export function parallel(tasks: readonly ((done: Callback<unknown>) => void)[], finished: Callback<unknown[]>): void {
  map(tasks, (task, done) => task(done), finished);
}
