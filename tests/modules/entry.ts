/**
 * The content-script modules under test in the middle tier, bundled alone (tests/support/module-bundle.ts)
 * and injected into a fixture page with no extension around them: a failure here is the module's, not the
 * plumbing's (messages, storage, automatic scripts).
 */
import { startTextScaler } from '../../src/content/text-scale/text-scaler';
import { createAdjustmentsController } from '../../src/page-tools/adjustments/page-adjustments';
import { startLineFocus } from '../../src/page-tools/line-focus/line-focus';
import { featureDefaults } from '../../src/shared/features/registry';

export { createAdjustmentsController, featureDefaults, startLineFocus, startTextScaler };
