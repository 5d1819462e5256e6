/**
 * Read-aloud controller: speaks a list of sentences with the Web Speech API,
 * one after another, and reports which one is being spoken.
 *
 * The synth is a parameter (speechSynthesis in the reader, a stub in unit
 * tests), and so is the utterance factory, so this file never touches a
 * window global on its own.
 *
 * Browser quirks it works around:
 * - Chrome cuts off long utterances (~15 s with network voices) without an
 *   `end` event: we speak one sentence per utterance and split sentences
 *   longer than a speech budget at commas (see speechChunks).
 * - After cancel(), browsers may still fire `end`, or `error` with
 *   "interrupted"/"canceled", for the old utterance, or nothing at all: every
 *   utterance carries a generation number and events from an old generation
 *   are ignored, so nothing advances twice and nothing waits for them.
 * - Chrome drops events of an utterance that was garbage-collected while
 *   queued: we keep a reference to the current one.
 * - Chrome stays paused after cancel() while paused, and then never speaks
 *   again: we resume() after cancelling a paused synth.
 */

export type SpeakerState = 'idle' | 'playing' | 'paused';

/** The fields of SpeechSynthesisUtterance the speaker sets. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: SpeechSynthesisVoice | null;
}

/** The part of speechSynthesis the speaker uses. Method syntax so speechSynthesis itself fits. */
export interface SpeechSynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
}

export interface UtteranceEvents {
  onEnd(): void;
  /** SpeechSynthesisErrorEvent.error, e.g. "interrupted", "canceled", "network". */
  onError(error: string): void;
}

/** Makes an utterance for `text` that reports its end and errors to `events`. */
export type UtteranceFactory = (text: string, events: UtteranceEvents) => UtteranceLike;

export interface SpeakerOptions {
  synth: SpeechSynthLike;
  sentences: readonly string[];
  /** BCP 47 tag of the text; also picks the browser's voice when `voice` is absent. */
  lang: string;
  voice?: SpeechSynthesisVoice;
  /** Web Speech rate: 1 is normal, clamped to 0.1–10. */
  rate: number;
  /** Sentence `index` has started (again, after a rate change). */
  onSentence(index: number): void;
  onStateChange(state: SpeakerState): void;
  /** The speech stopped because of an error other than our own cancel(); the state is already 'idle'. */
  onError?(error: string): void;
  /** Defaults to new SpeechSynthesisUtterance; unit tests pass a stub. */
  createUtterance?: UtteranceFactory;
}

export interface Speaker {
  /** Starts at `fromIndex`; without one, resumes when paused, keeps going when playing, else starts at 0. */
  play(fromIndex?: number): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Takes effect at once when playing (the current sentence restarts), else from the next utterance. */
  setRate(rate: number): void;
  readonly state: SpeakerState;
  /** The sentence being spoken or paused in; -1 when idle. */
  readonly index: number;
}

const MIN_RATE = 0.1;
const MAX_RATE = 10;

/**
 * Speech budget of one utterance at rate 1: about 12 s of English. Chinese
 * and Japanese characters take about three times as long to say as Latin
 * letters, so they cost 3.
 */
const CHUNK_BUDGET = 180;
const SLOW_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) : 1;
}

/** Index just past the last comma-like pause (or else space) before the budget runs out. */
function cutPoint(text: string, budget: number): number {
  let cost = 0;
  let lastPause = -1;
  let lastSpace = -1;
  for (let i = 0; i < text.length; i++) {
    cost += SLOW_CHARACTER.test(text[i]) ? 3 : 1;
    if (cost > budget) return lastPause > 0 ? lastPause : lastSpace > 0 ? lastSpace : Math.max(1, i);
    if (/[,、，;；:：]/u.test(text[i])) lastPause = i + 1;
    else if (/\s/u.test(text[i])) lastSpace = i + 1;
  }
  return text.length;
}

/**
 * Splits a sentence into utterances short enough that Chrome does not cut
 * them off. Slower speech means fewer characters per utterance.
 */
export function speechChunks(sentence: string, rate = 1): string[] {
  const budget = Math.max(40, Math.floor(CHUNK_BUDGET * Math.min(1, clampRate(rate))));
  const chunks: string[] = [];
  let rest = sentence.trim();
  while (rest !== '') {
    const cut = cutPoint(rest, budget);
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  return chunks;
}

function browserUtterance(text: string, events: UtteranceEvents): UtteranceLike {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.onend = () => events.onEnd();
  utterance.onerror = (event) => events.onError(event.error);
  return utterance;
}

export function createSpeaker(options: SpeakerOptions): Speaker {
  const { synth, sentences, lang, voice, onSentence, onStateChange, onError } = options;
  const createUtterance = options.createUtterance ?? browserUtterance;
  let rate = clampRate(options.rate);
  let state: SpeakerState = 'idle';
  let index = -1;
  /** Bumped whenever the current utterance changes; events carry the value they were born with. */
  let generation = 0;
  /** Never read: held only so Chrome does not garbage-collect the utterance (and lose its events) mid-sentence. */
  // biome-ignore lint/correctness/noUnusedVariables: a write-only reference is the point, see above.
  let current: UtteranceLike | undefined;

  function setState(next: SpeakerState): void {
    if (next === state) return;
    state = next;
    onStateChange(next);
  }

  /** Cancels whatever is queued so that no old event can act. */
  function silence(): void {
    generation++;
    current = undefined;
    synth.cancel();
    if (state === 'paused') synth.resume();
  }

  function speakChunk(chunks: readonly string[], chunk: number): void {
    const mine = ++generation;
    const utterance = createUtterance(chunks[chunk], {
      onEnd: () => {
        if (mine === generation) advance(chunks, chunk);
      },
      onError: (error) => {
        if (mine === generation) fail(error);
      },
    });
    utterance.lang = lang;
    utterance.rate = rate;
    utterance.voice = voice ?? null;
    current = utterance;
    synth.speak(utterance);
  }

  function speakSentence(at: number): void {
    index = at;
    const before = generation;
    onSentence(at);
    // The callback may have stopped or restarted the speaker; then this sentence is no longer ours to speak.
    if (generation !== before) return;
    const chunks = speechChunks(sentences[at], rate);
    // A sentence of only whitespace has nothing to say: move on without an utterance.
    if (chunks.length === 0) advance([], 0);
    else speakChunk(chunks, 0);
  }

  function advance(chunks: readonly string[], chunk: number): void {
    if (chunk + 1 < chunks.length) speakChunk(chunks, chunk + 1);
    else if (index + 1 < sentences.length) speakSentence(index + 1);
    else finish();
  }

  function finish(): void {
    generation++;
    current = undefined;
    index = -1;
    setState('idle');
  }

  /** Our own cancel() never gets here (its events are stale); this is someone else's or a real failure. */
  function fail(error: string): void {
    silence();
    finish();
    onError?.(error);
  }

  function play(fromIndex?: number): void {
    if (sentences.length === 0) return;
    if (fromIndex === undefined && state !== 'idle') {
      resume();
      return;
    }
    const wanted = Number.isFinite(fromIndex) ? Math.trunc(fromIndex ?? 0) : 0;
    const start = Math.min(Math.max(0, wanted), sentences.length - 1);
    silence();
    const before = generation;
    setState('playing');
    // As above: onStateChange may have called stop().
    if (generation === before) speakSentence(start);
  }

  function pause(): void {
    if (state !== 'playing') return;
    synth.pause();
    setState('paused');
  }

  function resume(): void {
    if (state !== 'paused') return;
    synth.resume();
    setState('playing');
  }

  function stop(): void {
    if (state === 'idle') return;
    silence();
    finish();
  }

  function setRate(next: number): void {
    rate = clampRate(next);
    if (state !== 'playing') return;
    silence();
    speakSentence(index);
  }

  return {
    play,
    pause,
    resume,
    stop,
    setRate,
    get state() {
      return state;
    },
    get index() {
      return index;
    },
  };
}
