/**
 * Furigana on the live page and in the reader's article: finds the kanji text (what is in view first), asks the background
 * for readings in chunks, puts the ruby in, follows content that arrives later, and takes it all
 * out again on stop. Each task of ours does a bounded amount of work (BUDGET_MS), so a page of
 * tens of thousands of kanji never freezes the tab.
 */
import type { FuriganaLevel } from '../../shared/furigana/furigana-level';
import type { FuriganaReply } from '../../shared/messages';
import { isInsideSkipped, walkJapaneseText } from './japanese-text-nodes';
import { createRubyDom } from './ruby-dom';

const BUDGET_MS = 30;
const WALK_STEP = 500;
/** Characters per request: small enough that the first readings come back quickly. */
const CHUNK_CHARS = 2000;

export interface FuriganaPage {
  stop(): void;
}

/** Asks the analyzer (through the background) for the ruby of these texts. */
export type AskForReadings = (texts: string[], level: FuriganaLevel) => Promise<FuriganaReply | undefined>;

function inView(text: Text, height: number): boolean {
  const rect = text.parentElement?.getBoundingClientRect();
  return rect !== undefined && rect.bottom >= 0 && rect.top <= height;
}

export function startFurigana(root: Element, level: FuriganaLevel, ask: AskForReadings, onError: () => void): FuriganaPage {
  const dom = createRubyDom();
  const pending: Text[] = [];
  const walks: Array<(limit: number) => Text[] | undefined> = [];
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  let annotatedOnce = false;
  const view = root.ownerDocument.defaultView;

  const schedule = () => {
    if (!stopped && timer === undefined) timer = setTimeout(step, 0);
  };

  /**
   * Walks on for at most BUDGET_MS; the texts in view go to the front of the queue. Only until
   * the first ruby is in: reading positions after our own writes would force a relayout of the
   * whole page in our task (105 ms on a 54,000-character page), and by then the screen is done.
   */
  function walk(started: number): void {
    const height = view?.innerHeight ?? 0;
    while (walks.length > 0 && performance.now() - started < BUDGET_MS) {
      const found = walks[0]?.(WALK_STEP);
      if (!found) {
        walks.shift();
        continue;
      }
      const visible = annotatedOnce ? [] : found.filter((text) => inView(text, height));
      pending.unshift(...visible);
      pending.push(...found.filter((text) => !visible.includes(text)));
    }
  }

  function nextChunk(): Text[] {
    const chunk: Text[] = [];
    let chars = 0;
    while (pending.length > 0 && chars < CHUNK_CHARS) {
      const text = pending.shift() as Text;
      if (!text.isConnected) continue;
      chunk.push(text);
      chars += text.data.length;
    }
    return chunk;
  }

  async function annotate(chunk: Text[]): Promise<void> {
    const texts = chunk.map((text) => text.data);
    const reply = await ask(texts, level);
    if (stopped) return;
    if (!reply?.ok) {
      stop();
      onError();
      return;
    }
    absorbMutations();
    chunk.forEach((text, index) => {
      dom.annotate(text, texts[index] ?? '', reply.segments[index] ?? []);
    });
    observer.takeRecords(); // our own insertions
    annotatedOnce = true;
  }

  function step(): void {
    timer = undefined;
    walk(performance.now());
    if (inFlight) return;
    const chunk = nextChunk();
    if (chunk.length === 0) {
      if (walks.length > 0) schedule();
      return;
    }
    inFlight = true;
    annotate(chunk)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        schedule();
      });
  }

  function absorbMutations(): void {
    onMutations(observer.takeRecords());
  }

  function onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (dom.isOurs(node) || !node.isConnected || isInsideSkipped(node)) continue;
        walks.push(walkJapaneseText(node));
      }
    }
    if (walks.length > 0) schedule();
  }

  const observer = new MutationObserver(onMutations);
  observer.observe(root, { childList: true, subtree: true });
  walks.push(walkJapaneseText(root));
  step();

  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    observer.disconnect();
    dom.removeAll();
  }
  return { stop };
}
