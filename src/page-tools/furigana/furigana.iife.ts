/**
 * Furigana on the live page, run by the background when the content script asks for it (only
 * while the preference is on; never part of the always-on script). Leaves start() where the
 * content script looks for it.
 */
import browser from 'webextension-polyfill';
import type { FuriganaReply } from '../../shared/messages';
import { startFurigana } from './furigana-page';

const ask = (texts: string[], level: string) =>
  browser.runtime.sendMessage({ type: 'furigana-annotate', texts, level }) as Promise<FuriganaReply | undefined>;

globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools.furigana ??= {
  start: (level, onError) => startFurigana(document.body ?? document.documentElement, level, ask, onError),
};
