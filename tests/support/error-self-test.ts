/**
 * Scenario pieces of the error collector's self-tests (tests/e2e/{chromium,firefox}/extension-errors.test.ts):
 * each test makes one of our contexts fail on purpose and expects the
 * collector to have it, so the self-test cannot pass if errors are missed.
 * What a test takes from the log does not fail it afterwards.
 */
import { expect } from 'vitest';
import type { ExtensionError, ExtensionErrorLog } from './extension-errors';

export { failingCode, SELF_TEST } from './extension-errors';

/** Waits (polling flushes, the failures are asynchronous) until the log holds all three failures of `where`; returns what it took. */
export async function expectCaught(log: ExtensionErrorLog, where: string): Promise<ExtensionError[]> {
  const taken: ExtensionError[] = [];
  const wanted = [
    { kind: 'console.error', text: `console.error in ${where}` },
    { kind: 'uncaught', text: `uncaught in ${where}` },
    { kind: 'uncaught', text: `rejection in ${where}` },
  ];
  const found = () => wanted.every((want) => taken.some((error) => error.kind === want.kind && error.text.includes(want.text)));
  for (let attempt = 0; attempt < 50 && !found(); attempt++) {
    await log.flush();
    taken.push(...log.take());
    if (!found()) await new Promise((done) => setTimeout(done, 100));
  }
  expect(taken.map(({ kind, text }) => ({ kind, text: text.split('\n')[0] }))).toEqual(
    expect.arrayContaining(wanted.map((want) => ({ kind: want.kind, text: expect.stringContaining(want.text) }))),
  );
  return taken;
}

/** Once a page's own script has failed (`failed` resolves when the browser reported it): none of it was taken for ours. */
export async function expectNoneFrom(log: ExtensionErrorLog, marker: string, failed: Promise<unknown>): Promise<void> {
  await failed;
  await log.flush();
  const taken = log.take();
  expect(taken.filter((error) => error.text.includes(marker))).toEqual([]);
  expect(taken).toEqual([]);
}
