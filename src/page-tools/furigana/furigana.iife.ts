/**
 * Furigana on the live page, run by the background when the content script asks for it (only
 * while the preference is on; never part of the always-on script). Leaves apply() where the
 * content script looks for it: given every preference change, it starts, restarts at a new
 * level or stops (taking every ruby of ours out again).
 */
import browser from 'webextension-polyfill';
import type { FuriganaLevel } from '../../shared/furigana/levels';
import type { FuriganaReply } from '../../shared/messages';
import { type FuriganaPage, startFurigana } from './furigana-page';

const ask = (texts: string[], level: string) =>
  browser.runtime.sendMessage({ type: 'furigana-annotate', texts, level }) as Promise<FuriganaReply | undefined>;

// A dictionary that fails to load leaves the page untouched; the popup says so from storage.session.
const onError = () => console.info('[EasyRead] furigana: dictionary unavailable');

let running: { level: FuriganaLevel; page: FuriganaPage } | undefined;
globalThis.__easyReadTools ??= {};
globalThis.__easyReadTools.furigana ??= {
  apply({ pageFurigana }) {
    if (running?.level === pageFurigana) return;
    running?.page.stop();
    running = undefined;
    if (pageFurigana !== 'off') {
      running = { level: pageFurigana, page: startFurigana(document.body ?? document.documentElement, pageFurigana, ask, onError) };
    }
  },
};
