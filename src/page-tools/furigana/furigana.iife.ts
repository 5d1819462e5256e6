/**
 * Furigana on the live page, run by the background when the content script asks for it (only
 * while the preference is on; never part of the always-on script). Leaves start() where the
 * content script looks for it.
 */
import { startFuriganaPage } from './furigana-page';

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools.furigana ??= { start: (level, onError) => startFuriganaPage(document, level, onError) };
