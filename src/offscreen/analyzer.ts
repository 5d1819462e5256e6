/**
 * Chrome only: the offscreen document that hosts the furigana analyzer's worker. Chrome's
 * extension service worker can neither start workers nor keep the dictionary (it is stopped
 * after 30 s idle); this document lives until the browser closes. It answers the background
 * alone: messages from anything but our own service worker are ignored.
 */
import { analyzeInWorker } from '../analyzer/analyzer-host';
import { isFuriganaLevel } from '../shared/furigana/levels';

const OFFSCREEN_ANALYZE = 'furigana-offscreen-analyze';

chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || sender.tab !== undefined || (sender.url !== undefined && !sender.url.startsWith(location.origin)))
    return false;
  const request = message as { type?: unknown; texts?: unknown; level?: unknown };
  if (request.type !== OFFSCREEN_ANALYZE || !Array.isArray(request.texts) || !isFuriganaLevel(request.level)) return false;
  void analyzeInWorker(request.texts as string[], request.level).then(sendResponse);
  return true;
});
