/**
 * The reader's line to the background: one port, asked once for the snapshot
 * of this opening (the token in the frame's URL), and told when to close.
 *
 * A port rather than runtime.sendMessage: when the overlay removes this frame,
 * nothing is left waiting for an answer (Firefox logs every extension promise
 * still pending in an unloaded page: "Actor 'Conduits' destroyed").
 */
import browser from 'webextension-polyfill';
import { isToken, READER_PORT, type ReaderPortReply, type ReaderPortRequest } from '../../shared/messages';
import type { PageSnapshot } from '../article';

export interface ReaderSession {
  /** The page to show, or null when there is none for this frame (a wrong or used token, or the page never came). */
  page: Promise<PageSnapshot | null>;
  close(): void;
}

export function openReaderSession(): ReaderSession {
  let port: browser.Runtime.Port | undefined;
  const connect = (): browser.Runtime.Port => {
    const opened = browser.runtime.connect({ name: READER_PORT });
    // A Chrome service worker that stops closes its ports; the next request opens a new one.
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
    });
    port = opened;
    return opened;
  };
  const send = (request: ReaderPortRequest) => (port ?? connect()).postMessage(request);

  const token = new URLSearchParams(location.search).get('open');
  const first = connect();
  const page = new Promise<PageSnapshot | null>((resolve) => {
    if (!isToken(token)) return resolve(null);
    first.onMessage.addListener((message: unknown) => {
      const reply = message as ReaderPortReply | null;
      if (reply?.type === 'page') resolve(reply.page ?? null);
    });
    first.onDisconnect.addListener(() => resolve(null));
    send({ type: 'get-page', token });
  });

  return {
    page,
    close() {
      // After the event that asked for it has finished: removing this frame while a click on it is still being
      // dispatched left the click unanswered (the automation waiting for it timed out under load).
      setTimeout(() => send({ type: 'close' }), 0);
    },
  };
}
