/**
 * Read aloud in reading mode: the Web Speech API reads the article sentence
 * by sentence, the current sentence is highlighted (CSS Custom Highlight API,
 * so the article DOM is never rewrapped) and kept in view. Clicking a
 * sentence moves the reading there (or makes it the starting point).
 */
import { caretAt } from '../../shared/caret-at';
import { t } from '../../shared/i18n';
import type { EffectivePreferences } from '../../shared/preferences/resolve';
import { clearHighlight, showHighlight } from '../../shared/speech/highlight';
import { sentenceAt, splitSentences } from '../../shared/speech/sentences';
import { collectSpeakableText, offsetAt, rangeFor } from '../../shared/speech/speakable-text';
import { createSpeaker } from '../../shared/speech/speaker';
import { speechErrorMessage } from '../../shared/speech/speech-errors';
import { pickVoice } from '../../shared/speech/voices';
import { $ } from '../../shared/ui/dom';
import type { Article } from '../article';

const HIGHLIGHT = 'easyread-sentence';

export interface ReadAloud {
  toggle(): void;
  stop(): void;
  preferencesChanged(preferences: EffectivePreferences): void;
}

type Speaker = ReturnType<typeof createSpeaker>;
type Sentence = ReturnType<typeof splitSentences>[number];

/** How long a sentence may stay pending, with no voice for the language, before the reader says none can read it. */
const SILENCE_MS = 2_000;

export function setUpReadAloud(article: Article, getPreferences: () => EffectivePreferences): ReadAloud {
  const root = $('article');
  // Navigation aids are not part of what is read.
  for (const id of ['toc', 'site-name']) $(id).dataset.easyreadSkip = '';
  root.querySelector('.article-footer')?.setAttribute('data-easyread-skip', '');
  const play = $<HTMLButtonElement>('play');
  const stopButton = $<HTMLButtonElement>('stop');
  const voiceSelect = $<HTMLSelectElement>('voice');

  let speaker: Speaker | undefined;
  let sentences: Sentence[] = [];
  let pieces: ReturnType<typeof collectSpeakableText>['pieces'] = [];
  let startFrom = 0;

  const synth = () => (window.speechSynthesis as SpeechSynthesis | undefined) ?? undefined;
  const languageVoices = () =>
    (synth()?.getVoices() ?? []).filter((voice) => voice.lang.toLowerCase().startsWith(article.lang.slice(0, 2).toLowerCase()));

  function fillVoices(): void {
    const current = getPreferences().speechVoice;
    const options = [new Option(t('voiceAuto'), '')];
    for (const voice of languageVoices()) options.push(new Option(`${voice.name}${voice.localService ? '' : ' ☁'}`, voice.name));
    voiceSelect.replaceChildren(...options);
    voiceSelect.value = options.some((option) => option.value === current) ? current : '';
  }

  function highlight(index: number): void {
    const sentence = sentences[index];
    if (!sentence) return;
    const range = rangeFor(pieces, sentence.start, sentence.end, document);
    showHighlight(HIGHLIGHT, range);
    const box = range.getBoundingClientRect();
    const main = $('main').getBoundingClientRect();
    if (box.top < main.top + 40 || box.bottom > main.bottom - 40) {
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }

  function say(message: string): void {
    $('notice').textContent = message;
    $('notice').hidden = false;
  }

  function showState(state: 'idle' | 'playing' | 'paused'): void {
    play.setAttribute('aria-pressed', String(state === 'playing'));
    $('play-icon').textContent = state === 'playing' ? '❚❚' : '▶';
    $('play-text').textContent = t(state === 'playing' ? 'readerPause' : 'readerPlay');
    if (state === 'idle') clearHighlight(HIGHLIGHT);
  }

  function ensureSpeaker(): Speaker | undefined {
    const engine = synth();
    if (!engine) return undefined;
    if (speaker) return speaker;
    const collected = collectSpeakableText(root);
    pieces = collected.pieces;
    sentences = splitSentences(collected.text, article.lang);
    const preferences = getPreferences();
    speaker = createSpeaker({
      synth: engine,
      sentences: sentences.map((sentence) => sentence.text),
      lang: article.lang,
      voice: pickVoice(engine.getVoices(), article.lang, preferences.speechVoice || undefined),
      rate: preferences.speechRate,
      onSentence: highlight,
      onStateChange: showState,
      // Said plainly, as the live page's bar does, instead of a Pause that flips back to Play.
      onError: (error) => {
        const message = speechErrorMessage(error);
        say(t(message.key, message.substitution));
      },
    });
    return speaker;
  }

  function toggle(): void {
    const current = ensureSpeaker();
    if (!current) {
      say(t('speechUnavailable'));
      return;
    }
    if (current.state === 'playing') current.pause();
    else if (current.state === 'paused') current.resume();
    else {
      current.play(startFrom);
      watchForSilence(current);
    }
  }

  /**
   * Firefox with no voice for the language keeps the sentence pending and
   * reports no error: after a while with nothing spoken, say so and stop.
   */
  function watchForSilence(current: Speaker): void {
    const engine = synth();
    if (!engine || pickVoice(engine.getVoices(), article.lang)) return;
    setTimeout(() => {
      if (current.state !== 'playing' || engine.speaking) return;
      current.stop();
      say(t('speechUnavailable'));
    }, SILENCE_MS);
  }

  play.addEventListener('click', toggle);
  stopButton.addEventListener('click', () => speaker?.stop());
  voiceSelect.addEventListener('change', () => {
    speaker?.stop();
    speaker = undefined;
    void import('../../shared/preferences/actions').then(({ setPreferences }) =>
      setPreferences(new URL(article.sourceUrl).origin, { speechVoice: voiceSelect.value }),
    );
  });
  $('content').addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) return;
    const caret = caretAt(document, event.clientX, event.clientY);
    if (!caret) return;
    if (!ensureSpeaker()) return;
    const offset = offsetAt(pieces, caret.node as Text, caret.offset);
    const index = sentenceAt(sentences, offset);
    if (index < 0) return;
    startFrom = index;
    if (speaker && speaker.state !== 'idle') speaker.play(index);
    else highlight(index);
  });
  synth()?.addEventListener?.('voiceschanged', fillVoices);
  fillVoices();

  return {
    toggle,
    stop: () => speaker?.stop(),
    preferencesChanged(preferences) {
      speaker?.setRate(preferences.speechRate);
      fillVoices();
    },
  };
}
