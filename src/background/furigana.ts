/**
 * Readings for the furigana page tool. The analyzer runs where a worker can live for the whole
 * session: in Chrome an offscreen document (reason WORKERS: it only hosts the analyzer's worker),
 * in Firefox this background page itself.
 */
import { analyzeInWorker } from '../analyzer/analyzer-host';
import type { FuriganaLevel } from '../shared/furigana/furigana-level';
import type { FuriganaReply } from '../shared/messages';

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

export async function annotateWithFurigana(texts: string[], level: FuriganaLevel): Promise<FuriganaReply> {
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
