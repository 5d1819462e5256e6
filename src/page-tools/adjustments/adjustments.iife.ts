/**
 * Page adjustments, run in a frame while at least one of them is on (never
 * part of the always-on script). Leaves apply() where the content script
 * looks for it; one instance per frame.
 */
import { createAdjustmentsController } from './page-adjustments';

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools.adjustments ??= createAdjustmentsController(document);
