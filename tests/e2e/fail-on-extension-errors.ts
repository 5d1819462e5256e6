/**
 * Setup file of every e2e test file (tests/e2e/vitest.config.ts): a test
 * fails if any open browser session saw an error of ours while it ran
 * (tests/support/extension-errors.ts); launchWithExtension and
 * launchFirefoxWithExtension open the sessions, so no test file needs an edit.
 */
import { afterEach } from 'vitest';
import { assertNoExtensionErrors } from '../support/extension-errors';

afterEach(async ({ task }) => {
  await assertNoExtensionErrors(task.fullName ?? task.name);
});
