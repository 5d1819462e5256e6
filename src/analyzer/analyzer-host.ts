/**
 * Starts the analyzer's worker the first time readings are asked for, and keeps it (and so the
 * dictionary it read) for as long as its host lives: Chrome's offscreen document, Firefox's
 * background page.
 */
import type { FuriganaLevel } from '../shared/furigana/furigana-level';
import type { FuriganaReply } from '../shared/messages';
import type { AnalyzerRequest, AnalyzerResponse } from './analyzer-worker';
import AnalyzerWorker from './analyzer-worker.ts?worker';

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, (reply: FuriganaReply) => void>();

function startWorker(): Worker {
  const started = new AnalyzerWorker();
  started.addEventListener('message', (event: MessageEvent<AnalyzerResponse>) => {
    const reply = event.data;
    waiting.get(reply.id)?.(
      'segments' in reply ? { ok: true, segments: reply.segments } : { ok: false, error: 'dictionary', detail: reply.error },
    );
    waiting.delete(reply.id);
    if ('error' in reply) console.info('[EasyRead] furigana dictionary unavailable:', reply.error);
  });
  return started;
}

export function analyzeInWorker(texts: string[], level: FuriganaLevel): Promise<FuriganaReply> {
  worker ??= startWorker();
  const id = nextId++;
  const request: AnalyzerRequest = { id, texts, level };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage(request);
  });
}
