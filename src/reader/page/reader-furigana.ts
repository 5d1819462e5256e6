/**
 * Furigana in the reader's article: the same walk and ruby as on the live page, with readings
 * asked for over a port (nothing left pending when the reader's frame goes). Read aloud already
 * reads ruby once (its base text), so it reads the article's words once with readings on.
 */
import browser from 'webextension-polyfill';
import { type FuriganaPage, startFurigana } from '../../page-tools/furigana/furigana-page';
import type { FuriganaLevel } from '../../shared/furigana/levels';
import { FURIGANA_PORT, type FuriganaPortReply, type FuriganaReply } from '../../shared/messages';

function createAsker(): (texts: string[], level: FuriganaLevel) => Promise<FuriganaReply | undefined> {
  let port: browser.Runtime.Port | undefined;
  let nextId = 0;
  const waiting = new Map<number, (reply: FuriganaReply | undefined) => void>();
  const connect = () => {
    const opened = browser.runtime.connect({ name: FURIGANA_PORT });
    opened.onMessage.addListener((message: unknown) => {
      const { id, reply } = message as FuriganaPortReply;
      waiting.get(id)?.(reply);
      waiting.delete(id);
    });
    // A Chrome service worker that stops closes its ports: what was asked is asked again on a new one.
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      for (const resolve of waiting.values()) resolve(undefined);
      waiting.clear();
    });
    port = opened;
    return opened;
  };
  return (texts, level) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      (port ?? connect()).postMessage({ id, texts, level });
    });
}

/** Follows the furigana preference in the article; onError says the dictionary did not load. */
export function createReaderFurigana(article: Element, onError: () => void): (level: FuriganaLevel) => void {
  const ask = createAsker();
  let running: { level: FuriganaLevel; page: FuriganaPage } | undefined;
  return (level) => {
    if (running?.level === level) return;
    running?.page.stop();
    running = level === 'off' ? undefined : { level, page: startFurigana(article, level, ask, onError) };
  };
}
