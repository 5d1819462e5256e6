/**
 * Unclip on the live page, run by the background in every frame whose text
 * EasyRead enlarges (never part of the always-on script). Leaves start()
 * where the content script's text-size controller looks for it.
 */
import { startUnclip } from './unclip';

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools.unclip ??= { start: startUnclip };
