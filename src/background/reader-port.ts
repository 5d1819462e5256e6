/**
 * The reader page's port: it asks for the snapshot of its opening (by token)
 * and asks to close. Only our own extension pages framed in a tab may connect;
 * a reader can only ever act on the tab it is framed in.
 */
import browser from 'webextension-polyfill';
import { isFromExtensionPage, parseReaderPortRequest, READER_PORT, type ReaderPortReply } from '../shared/messages';
import { closeReadingMode, takeSnapshot } from './reading-mode';

export function listenToReaderPorts(extensionOrigin: string): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== READER_PORT) return;
    const tabId = port.sender?.tab?.id;
    if (!port.sender || !isFromExtensionPage(port.sender, browser.runtime.id, extensionOrigin) || tabId === undefined) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const request = parseReaderPortRequest(raw);
      if (request?.type === 'get-page') {
        void takeSnapshot(tabId, request.token).then((page) => reply(port, { type: 'page', page }));
      } else if (request?.type === 'close') {
        void closeReadingMode(tabId).catch(() => undefined); // the tab may be gone already
      }
    });
  });
}

function reply(port: browser.Runtime.Port, message: ReaderPortReply): void {
  try {
    port.postMessage(message);
  } catch {
    // The reader was closed before its page arrived.
  }
}
