import { describe, expect, it } from 'vitest';
import {
  createSpeaker,
  type SpeakerOptions,
  type SpeakerState,
  type SpeechSynthLike,
  speechChunks,
  type UtteranceEvents,
  type UtteranceLike,
} from '../../src/shared/speech/speaker';

/** What the stub saw when an utterance was handed to speak(). */
interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: SpeechSynthesisVoice | null;
  events: UtteranceEvents;
}

/**
 * STUB speechSynthesis. Unit tests run in Node, which has no speech at all
 * (no speechSynthesis, no SpeechSynthesisUtterance), and headless Chromium
 * has no voices either, so nothing would ever be spoken or end. This
 * stand-in records every call and lets a test fire `end` and `error` by
 * hand, including the late events real browsers send after cancel().
 *
 * Like Chrome at its worst, cancel() fires nothing by itself.
 */
class StubSynth implements SpeechSynthLike {
  readonly calls: string[] = [];
  readonly spoken: Spoken[] = [];
  private readonly events = new Map<UtteranceLike, UtteranceEvents>();
  private queue: Spoken[] = [];

  /** Passed to createSpeaker as createUtterance: a plain object instead of SpeechSynthesisUtterance. */
  readonly createUtterance = (text: string, events: UtteranceEvents): UtteranceLike => {
    const utterance: UtteranceLike = { text, lang: '', rate: 1, voice: null };
    this.events.set(utterance, events);
    return utterance;
  };

  speak(utterance: UtteranceLike): void {
    const events = this.events.get(utterance);
    if (!events) throw new Error('utterance was not made by the stub');
    const spoken = { text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice, events };
    this.calls.push(`speak:${utterance.text}`);
    this.spoken.push(spoken);
    this.queue.push(spoken);
  }

  cancel(): void {
    this.calls.push('cancel');
    this.queue = [];
  }

  pause(): void {
    this.calls.push('pause');
  }

  resume(): void {
    this.calls.push('resume');
  }

  /** The utterance the browser would be speaking now. */
  get current(): Spoken | undefined {
    return this.queue[0];
  }

  /** The current utterance finishes normally. */
  end(): void {
    const spoken = this.queue.shift();
    if (!spoken) throw new Error('nothing is being spoken');
    spoken.events.onEnd();
  }

  /** The current utterance fails. */
  fail(error: string): void {
    const spoken = this.queue.shift();
    if (!spoken) throw new Error('nothing is being spoken');
    spoken.events.onError(error);
  }

  /** Ends everything queued, as if the user listened to the end. */
  endAll(): void {
    for (let guard = 0; this.current && guard < 1000; guard++) this.end();
  }

  texts(): string[] {
    return this.spoken.map((spoken) => spoken.text);
  }
}

const SENTENCES = ['First sentence.', 'Second sentence.', 'Third sentence.'];

function setup(overrides: Partial<SpeakerOptions> = {}) {
  const synth = new StubSynth();
  const sentenceEvents: number[] = [];
  const states: SpeakerState[] = [];
  const errors: string[] = [];
  const speaker = createSpeaker({
    synth,
    createUtterance: synth.createUtterance,
    sentences: SENTENCES,
    lang: 'en-US',
    rate: 1,
    onSentence: (index) => sentenceEvents.push(index),
    onStateChange: (state) => states.push(state),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  return { synth, speaker, sentenceEvents, states, errors };
}

describe('createSpeaker', () => {
  it('speaks one utterance per sentence, each after the previous one ends', () => {
    const { synth, speaker, sentenceEvents, states } = setup();
    speaker.play();
    expect(speaker.state).toBe('playing');
    expect(synth.texts()).toEqual(['First sentence.']);
    expect(speaker.index).toBe(0);

    synth.end();
    expect(synth.texts()).toEqual(['First sentence.', 'Second sentence.']);
    expect(speaker.index).toBe(1);

    synth.end();
    synth.end();
    expect(synth.texts()).toEqual(SENTENCES);
    expect(sentenceEvents).toEqual([0, 1, 2]);
    expect(states).toEqual(['playing', 'idle']);
    expect(speaker.state).toBe('idle');
    expect(speaker.index).toBe(-1);
  });

  it('sets language, rate and voice on every utterance', () => {
    const voice: SpeechSynthesisVoice = { name: 'Kyoko', lang: 'ja-JP', localService: true, default: false, voiceURI: 'Kyoko' };
    const { synth, speaker } = setup({ lang: 'ja-JP', rate: 1.5, voice, sentences: ['一文目。', '二文目。'] });
    speaker.play();
    synth.endAll();
    expect(synth.spoken.map(({ lang, rate, voice }) => ({ lang, rate, voice }))).toEqual([
      { lang: 'ja-JP', rate: 1.5, voice },
      { lang: 'ja-JP', rate: 1.5, voice },
    ]);
  });

  it('leaves the voice to the browser when none is given', () => {
    const { synth, speaker } = setup();
    speaker.play();
    expect(synth.current?.voice).toBeNull();
  });

  it('starts from the sentence asked for, clamped to the list', () => {
    const started = setup();
    started.speaker.play(1);
    expect(started.synth.texts()).toEqual(['Second sentence.']);
    expect(started.sentenceEvents).toEqual([1]);

    const late = setup();
    late.speaker.play(99);
    expect(late.synth.texts()).toEqual(['Third sentence.']);

    const early = setup();
    early.speaker.play(-4);
    expect(early.synth.texts()).toEqual(['First sentence.']);
  });

  it('does nothing without sentences', () => {
    const { synth, speaker, states } = setup({ sentences: [] });
    speaker.play();
    expect(synth.calls).toEqual([]);
    expect(states).toEqual([]);
    expect(speaker.state).toBe('idle');
  });

  it('pauses and resumes through the synth', () => {
    const { synth, speaker, states } = setup();
    speaker.play();
    speaker.pause();
    expect(speaker.state).toBe('paused');
    expect(speaker.index).toBe(0);
    speaker.resume();
    expect(speaker.state).toBe('playing');
    expect(synth.calls).toEqual(['cancel', 'speak:First sentence.', 'pause', 'resume']);
    expect(states).toEqual(['playing', 'paused', 'playing']);
  });

  it('ignores pause and resume in the wrong state', () => {
    const { synth, speaker, states } = setup();
    speaker.pause();
    speaker.resume();
    speaker.play();
    speaker.resume();
    speaker.pause();
    speaker.pause();
    expect(synth.calls.filter((call) => call === 'pause' || call === 'resume')).toEqual(['pause']);
    expect(states).toEqual(['playing', 'paused']);
  });

  it('play() without an index resumes when paused and carries on when playing', () => {
    const { synth, speaker } = setup();
    speaker.play();
    speaker.play();
    expect(synth.texts()).toEqual(['First sentence.']);
    speaker.pause();
    speaker.play();
    expect(speaker.state).toBe('playing');
    expect(synth.calls.at(-1)).toBe('resume');
    expect(synth.texts()).toEqual(['First sentence.']);
  });

  it('stop() cancels and goes idle', () => {
    const { synth, speaker, states } = setup();
    speaker.play();
    speaker.stop();
    expect(synth.calls.at(-1)).toBe('cancel');
    expect(speaker.state).toBe('idle');
    expect(speaker.index).toBe(-1);
    expect(states).toEqual(['playing', 'idle']);
    speaker.stop();
    expect(states).toEqual(['playing', 'idle']);
  });

  it('resumes the synth after cancelling while paused, or Chrome would stay paused for good', () => {
    const { synth, speaker } = setup();
    speaker.play();
    speaker.pause();
    speaker.stop();
    expect(synth.calls.slice(-2)).toEqual(['cancel', 'resume']);

    speaker.play();
    speaker.pause();
    speaker.play(2);
    expect(synth.calls.slice(-3)).toEqual(['cancel', 'resume', 'speak:Third sentence.']);
    expect(speaker.state).toBe('playing');
  });

  it('ignores a late end event from an utterance stopped by stop()', () => {
    const { synth, speaker, sentenceEvents, errors } = setup();
    speaker.play();
    const stopped = synth.spoken[0];
    speaker.stop();
    stopped.events.onEnd();
    stopped.events.onError('interrupted');
    stopped.events.onError('canceled');
    expect(synth.texts()).toEqual(['First sentence.']);
    expect(sentenceEvents).toEqual([0]);
    expect(errors).toEqual([]);
    expect(speaker.state).toBe('idle');
  });

  it('jumps to a clicked sentence while playing, and the old utterance cannot advance', () => {
    const { synth, speaker, sentenceEvents, errors, states } = setup();
    speaker.play();
    const old = synth.spoken[0];
    speaker.play(2);
    expect(synth.calls).toEqual(['cancel', 'speak:First sentence.', 'cancel', 'speak:Third sentence.']);
    // Firefox sends end after cancel(); Chrome sends error "interrupted". Neither may move us on.
    old.events.onEnd();
    old.events.onError('interrupted');
    expect(speaker.index).toBe(2);
    expect(synth.texts()).toEqual(['First sentence.', 'Third sentence.']);
    expect(sentenceEvents).toEqual([0, 2]);
    expect(errors).toEqual([]);
    expect(states).toEqual(['playing']);
    synth.end();
    expect(speaker.state).toBe('idle');
  });

  it('ignores a duplicate end event for the same utterance', () => {
    const { synth, speaker } = setup();
    speaker.play();
    const first = synth.spoken[0];
    synth.end();
    first.events.onEnd();
    expect(synth.texts()).toEqual(['First sentence.', 'Second sentence.']);
    expect(speaker.index).toBe(1);
  });

  it('restarts the current sentence at the new rate while playing', () => {
    const { synth, speaker, sentenceEvents } = setup();
    speaker.play();
    synth.end();
    const old = synth.spoken[1];
    speaker.setRate(2);
    expect(synth.calls.slice(-2)).toEqual(['cancel', 'speak:Second sentence.']);
    expect(synth.current?.rate).toBe(2);
    old.events.onEnd();
    expect(speaker.index).toBe(1);
    synth.end();
    expect(synth.current).toMatchObject({ text: 'Third sentence.', rate: 2 });
    expect(sentenceEvents).toEqual([0, 1, 1, 2]);
  });

  it('keeps a rate change made while paused or idle for the next utterance, without restarting', () => {
    const { synth, speaker } = setup();
    speaker.setRate(0.8);
    speaker.play();
    expect(synth.current?.rate).toBe(0.8);
    speaker.pause();
    speaker.setRate(1.2);
    expect(synth.calls).toEqual(['cancel', 'speak:First sentence.', 'pause']);
    speaker.resume();
    synth.end();
    expect(synth.current?.rate).toBe(1.2);
  });

  it('clamps the rate to what the Web Speech API accepts', () => {
    const { synth, speaker } = setup({ rate: 50 });
    speaker.play();
    expect(synth.current?.rate).toBe(10);
    speaker.setRate(0);
    expect(synth.current?.rate).toBe(0.1);
    speaker.setRate(Number.NaN);
    expect(synth.current?.rate).toBe(1);
  });

  it('stops and reports an error from the current utterance', () => {
    const { synth, speaker, errors, states } = setup();
    speaker.play();
    synth.fail('network');
    expect(errors).toEqual(['network']);
    expect(speaker.state).toBe('idle');
    expect(states).toEqual(['playing', 'idle']);
    expect(synth.texts()).toEqual(['First sentence.']);
  });

  it('stops when someone else cancels the speech (an interruption we did not cause)', () => {
    const { synth, speaker, errors } = setup();
    speaker.play();
    synth.fail('interrupted');
    expect(errors).toEqual(['interrupted']);
    expect(speaker.state).toBe('idle');
  });

  it('works without an onError callback', () => {
    const { synth, speaker } = setup({ onError: undefined });
    speaker.play();
    synth.fail('synthesis-failed');
    expect(speaker.state).toBe('idle');
  });

  it('lets the callbacks stop the speaker without anything being spoken afterwards', () => {
    const fromSentence = setup({ onSentence: (index) => index === 1 && fromSentence.speaker.stop() });
    fromSentence.speaker.play();
    fromSentence.synth.end();
    expect(fromSentence.synth.texts()).toEqual(['First sentence.']);
    expect(fromSentence.speaker.state).toBe('idle');

    const fromState = setup({ onStateChange: (state) => state === 'playing' && fromState.speaker.stop() });
    fromState.speaker.play();
    expect(fromState.synth.texts()).toEqual([]);
    expect(fromState.speaker.state).toBe('idle');
  });

  it('treats a non-numeric start index as the beginning', () => {
    const { synth, speaker } = setup();
    speaker.play(Number.NaN);
    expect(synth.texts()).toEqual(['First sentence.']);
  });

  it('can play again after finishing', () => {
    const { synth, speaker, states } = setup();
    speaker.play();
    synth.endAll();
    speaker.play();
    expect(speaker.index).toBe(0);
    expect(states).toEqual(['playing', 'idle', 'playing']);
  });

  it('skips a blank sentence without an utterance', () => {
    const { synth, speaker, sentenceEvents } = setup({ sentences: ['One.', '  ', 'Three.'] });
    speaker.play();
    synth.endAll();
    expect(synth.texts()).toEqual(['One.', 'Three.']);
    expect(sentenceEvents).toEqual([0, 1, 2]);
    expect(speaker.state).toBe('idle');
  });

  it('speaks a long sentence as several utterances but reports it once', () => {
    const long = `${'The ministry, '.repeat(30)}met.`;
    const { synth, speaker, sentenceEvents } = setup({ sentences: [long, 'Short.'] });
    speaker.play();
    synth.endAll();
    const texts = synth.texts();
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.slice(0, -1).join(' ')).toBe(long);
    expect(texts.at(-1)).toBe('Short.');
    expect(sentenceEvents).toEqual([0, 1]);
  });

  it('uses SpeechSynthesisUtterance by default (absent in Node, so it must not be touched before play)', () => {
    const synth = new StubSynth();
    const speaker = createSpeaker({ synth, sentences: SENTENCES, lang: 'en', rate: 1, onSentence: () => {}, onStateChange: () => {} });
    expect(speaker.state).toBe('idle');
    expect(() => speaker.play()).toThrow(/SpeechSynthesisUtterance/);
  });
});

describe('speechChunks', () => {
  it('keeps a normal sentence whole', () => {
    expect(speechChunks('This meeting is part of the Japan-U.S. Economic Dialogue.')).toEqual([
      'This meeting is part of the Japan-U.S. Economic Dialogue.',
    ]);
    expect(speechChunks('「経済産業省は対応する。」と述べた。')).toEqual(['「経済産業省は対応する。」と述べた。']);
  });

  it('splits a long English sentence after commas, within the budget', () => {
    const sentence = `On December 13, 2017, ${'the ministry and the agency, '.repeat(12)}met in Tokyo.`;
    const chunks = speechChunks(sentence);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join(' ')).toBe(sentence);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(180);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith(',')).toBe(true);
  });

  it('splits at spaces when there is no comma', () => {
    const sentence = `${'word '.repeat(60)}end.`;
    const chunks = speechChunks(sentence);
    expect(chunks.length).toBe(2);
    expect(chunks.join(' ')).toBe(sentence);
  });

  it('gives Japanese a smaller budget and splits after 、', () => {
    const sentence = `${'経済産業省は、'.repeat(12)}発表した。`;
    const chunks = speechChunks(sentence);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(sentence);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('、')).toBe(true);
    // Kanji and kana cost 3 of the 180 budget, punctuation 1.
    const cost = (chunk: string) => [...chunk].reduce((sum, char) => sum + (/[\p{Script=Han}\p{Script=Hiragana}]/u.test(char) ? 3 : 1), 0);
    for (const chunk of chunks) expect(cost(chunk)).toBeLessThanOrEqual(180);
  });

  it('cuts text without any pause or space at the budget', () => {
    const sentence = '経'.repeat(130);
    const chunks = speechChunks(sentence);
    expect(chunks.map((chunk) => chunk.length)).toEqual([60, 60, 10]);
  });

  it('makes chunks shorter at slow rates, never too short', () => {
    const sentence = `${'word '.repeat(60)}end.`;
    expect(speechChunks(sentence, 0.5).length).toBeGreaterThan(speechChunks(sentence, 1).length);
    // The budget never drops below 40, i.e. 13 kanji, however slow the rate.
    expect(speechChunks('経'.repeat(100), 0.1)[0]).toHaveLength(13);
  });

  it('returns nothing for blank text', () => {
    expect(speechChunks('   ')).toEqual([]);
  });
});
