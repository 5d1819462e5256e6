/**
 * Readings for the furigana page tool. The analyzer runs where a worker can live for the whole
 * session: in Chrome an offscreen document (reason WORKERS: it only hosts the analyzer's worker),
 * in Firefox this background page itself.
 */
import browser from 'webextension-polyfill';
import { analyzeInWorker } from '../analyzer/analyzer-host';
import type { FuriganaLevel } from '../shared/furigana/furigana-level';
import { FURIGANA_UNAVAILABLE_KEY } from '../shared/furigana/furigana-status';
import {
  FURIGANA_PORT,
  type FuriganaPortReply,
  type FuriganaReply,
  isFromExtensionPage,
  parseFuriganaPortRequest,
} from '../shared/messages';

const OFFSCREEN_PAGE = 'src/offscreen/analyzer.html';
const OFFSCREEN_ANALYZE = 'furigana-offscreen-analyze';

let creating: Promise<void> | undefined;

async function ensureOffscreen(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PAGE);
  const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= chrome.offscreen
    .createDocument({ url, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'Computes furigana readings on this machine.' })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

/** Remembered for the session so the popup can say why no readings appeared (the page itself is left untouched). */
async function noteOutcome(reply: FuriganaReply): Promise<FuriganaReply> {
  const failed = !reply.ok;
  if (failed !== lastFailed) {
    lastFailed = failed;
    await browser.storage.session.set({ [FURIGANA_UNAVAILABLE_KEY]: failed });
  }
  return reply;
}
let lastFailed: boolean | undefined;

export async function annotateWithFurigana(texts: string[], level: FuriganaLevel): Promise<FuriganaReply> {
  return noteOutcome(await analyze(texts, level));
}

async function analyze(texts: string[], level: FuriganaLevel): Promise<FuriganaReply> {
  // Firefox has no offscreen documents (and its linter flags the API): decided at build time, so
  // each package carries only its own route.
  if (import.meta.env.MODE === 'firefox') return analyzeInWorker(texts, level);
  try {
    await ensureOffscreen();
    const reply = (await chrome.runtime.sendMessage({ type: OFFSCREEN_ANALYZE, texts, level })) as FuriganaReply | undefined;
    return reply ?? { ok: false, error: 'dictionary' };
  } catch (error) {
    console.info('[EasyRead] furigana analyzer unavailable:', error);
    return { ok: false, error: 'dictionary' };
  }
}

/** Readings for the reader's article, over its own port: only our extension pages may connect. */
export function listenToFuriganaPorts(extensionOrigin: string): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== FURIGANA_PORT) return;
    if (!port.sender || !isFromExtensionPage(port.sender, browser.runtime.id, extensionOrigin)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const request = parseFuriganaPortRequest(raw);
      if (!request) return;
      void annotateWithFurigana(request.texts, request.level).then((reply) => {
        const message: FuriganaPortReply = { id: request.id, reply };
        try {
          port.postMessage(message);
        } catch {
          // The reader was closed meanwhile.
        }
      });
    });
  });
}
