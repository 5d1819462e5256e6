/**
 * Read aloud on the live page, injected by its command (never part of the
 * always-on script). With text selected it reads the selection; otherwise it
 * switches "point to read" on or off: text the pointer rests on or clicks,
 * or that Tab moves to, is read aloud. The block under the pointer and the sentence
 * being spoken are highlighted with the CSS Custom Highlight API, so the
 * page's DOM is never rewritten. Voice and rate are the user's read-aloud
 * preferences; Japanese text gets a Japanese voice. Esc stops.
 */
import browser from 'webextension-polyfill';
import { hostName, ourMarker } from '../../content/page-names';
import { t } from '../../shared/i18n';
import type { ReadAloudMode } from '../../shared/messages';
import { resolvePreferences } from '../../shared/preferences/resolve';
import { loadPreferences } from '../../shared/preferences/storage';
import { clearHighlight, showHighlight } from '../../shared/speech/highlight';
import { collectSpeakableText, offsetAt, rangeFor } from '../../shared/speech/speakable-text';
import { createSpeaker, type Speaker } from '../../shared/speech/speaker';
import { speechErrorMessage } from '../../shared/speech/speech-errors';
import { pickVoice } from '../../shared/speech/voices';
import { createReadAloudBar, type ReadAloudBar } from './read-aloud-bar';
import { languageOf, sentencesBetween } from './speech-plan';

declare global {
  var __easyReadReadAloud: boolean | undefined;
}

const SENTENCE = hostName('s');
const BLOCK = hostName('b');
/** How long the pointer rests on a block before it is read: long enough that passing over text says nothing. */
const DWELL_MS = 500;
const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, [contenteditable=""], [contenteditable="true"], [role="button"], [role="link"]';

let bar: ReadAloudBar | undefined;
let style: HTMLStyleElement | undefined;
let pointing: AbortController | undefined;
/** The page listeners of read aloud: there only while its bar is (removed with it, so nothing of ours listens when it is off). */
let listening: AbortController | undefined;
let speaker: Speaker | undefined;
/** Bumped by every new reading and by stop(), so a reading still loading preferences knows it was overtaken. */
let generation = 0;

function showUi(): void {
  if (!style) {
    style = document.createElement('style');
    style.setAttribute(ourMarker(), 'r');
    // Black on amber reads on any page and any colour scheme.
    style.textContent = `::highlight(${SENTENCE}){background-color:#ffd84d;color:#000}::highlight(${BLOCK}){background-color:rgba(255,216,77,0.35)}`;
  }
  if (!style.isConnected) document.documentElement.append(style);
  bar ??= createReadAloudBar({ stop, close: turnOff });
  if (!listening) {
    listening = new AbortController();
    document.addEventListener('keydown', onKeyDown, { capture: true, signal: listening.signal });
    // Leaving the page must not leave a voice talking about it.
    window.addEventListener('pagehide', turnOff, { signal: listening.signal });
  }
}

function removeUi(): void {
  clearHighlight(SENTENCE);
  clearHighlight(BLOCK);
  style?.remove();
  bar?.remove();
  style = undefined;
  bar = undefined;
  listening?.abort();
  listening = undefined;
}

function stop(): void {
  generation++;
  speaker?.stop();
  speaker = undefined;
  clearHighlight(SENTENCE);
  if (!pointing) removeUi();
}

function turnOff(): void {
  pointing?.abort();
  pointing = undefined;
  stop();
  removeUi();
}

function declaredLanguage(element: Element): string {
  return element.closest('[lang]')?.getAttribute('lang') ?? '';
}

/** Reads root's text from offset `start` to `end` (the whole of it by default). */
async function read(root: Element, start = 0, end = Number.POSITIVE_INFINITY): Promise<void> {
  stop();
  const mine = generation;
  const synth = window.speechSynthesis as SpeechSynthesis | undefined;
  showUi();
  if (!synth) {
    bar?.say(t('speechUnavailable'));
    return;
  }
  const { text, pieces } = collectSpeakableText(root);
  const lang = languageOf(text.slice(start, end), declaredLanguage(root));
  const sentences = sentencesBetween(text, start, end, lang);
  const stored = await loadPreferences(location.origin);
  if (mine !== generation || sentences.length === 0) return;
  const preferences = resolvePreferences(stored.global, stored.site);
  /** The sentence being read, to keep it marked if the speech engine gives up on it. */
  let current: Range | undefined;
  speaker = createSpeaker({
    synth,
    sentences: sentences.map((sentence) => sentence.text),
    lang,
    voice: pickVoice(synth.getVoices(), lang, preferences.speechVoice || undefined),
    rate: preferences.speechRate,
    onSentence(index) {
      const sentence = sentences[index];
      current = rangeFor(pieces, sentence.start, sentence.end, document);
      showHighlight(SENTENCE, current);
    },
    onStateChange(state) {
      if (state === 'idle' && mine === generation) {
        speaker = undefined;
        clearHighlight(SENTENCE);
        if (!pointing) removeUi();
      }
    },
    onError(error) {
      // The bar stays up with the reason, and the sentence it stopped at stays marked, until the
      // user closes it (or presses Esc).
      showUi();
      if (current) showHighlight(SENTENCE, current);
      const message = speechErrorMessage(error);
      bar?.say(t(message.key, message.substitution));
    },
  });
  speaker.play(0);
}

function readSelection(): boolean {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || selection.toString().trim() === '') return false;
  const range = selection.getRangeAt(0);
  const common = range.commonAncestorContainer;
  const root = common instanceof Element ? common : common.parentElement;
  if (!root) return false;
  const { pieces } = collectSpeakableText(root);
  void read(root, offsetAt(pieces, range.startContainer, range.startOffset), offsetAt(pieces, range.endContainer, range.endOffset));
  bar?.say(t('readAloudSelection'));
  return true;
}

function isOurs(node: Node): boolean {
  return node === bar?.host || node === style;
}

/** The nearest block-level box around what the pointer is on, when it holds any text. */
function blockAt(target: EventTarget | null): Element | undefined {
  for (let element = target instanceof Element ? target : null; element; element = element.parentElement) {
    if (isOurs(element) || element === document.body || element === document.documentElement) return undefined;
    const display = getComputedStyle(element).display;
    if (!display.startsWith('inline') && display !== 'contents') {
      return collectSpeakableText(element).text.trim() === '' ? undefined : element;
    }
  }
  return undefined;
}

function startPointing(): void {
  pointing = new AbortController();
  const { signal } = pointing;
  let current: Element | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const point = (block: Element | undefined) => {
    if (block === current) return;
    current = block;
    clearTimeout(timer);
    clearHighlight(BLOCK);
    if (!block) return;
    const range = document.createRange();
    range.selectNodeContents(block);
    showHighlight(BLOCK, range);
    timer = setTimeout(() => void read(block), DWELL_MS);
  };
  document.addEventListener('pointermove', (event) => point(blockAt(event.target)), { passive: true, capture: true, signal });
  document.documentElement.addEventListener('pointerleave', () => point(undefined), { passive: true, signal });
  // A click on text reads it at once; links, buttons and fields keep their own click.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (!target || target.closest(INTERACTIVE)) return;
      const block = blockAt(target);
      if (!block) return;
      clearTimeout(timer);
      current = block;
      void read(block);
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target;
      if (!(target instanceof Element) || isOurs(target) || !target.matches(':focus-visible')) return;
      current = undefined;
      if (collectSpeakableText(target).text.trim() !== '') void read(target);
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer));
  showUi();
  bar?.say(t('readAloudPointing'));
}

function toggle(): ReadAloudMode {
  if (readSelection()) return 'selection';
  if (pointing) {
    turnOff();
    return 'off';
  }
  startPointing();
  return 'pointing';
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || !bar) return;
  // First Esc silences the voice; with nothing being read it turns read aloud off and the bar goes.
  if (speaker) stop();
  else turnOff();
  event.stopPropagation();
}

function onMessage(message: unknown, sender: browser.Runtime.MessageSender): Promise<{ mode: ReadAloudMode }> | undefined {
  if (sender.id !== browser.runtime.id || (message as { type?: unknown } | null)?.type !== 'read-aloud-toggle') return undefined;
  return Promise.resolve({ mode: toggle() });
}

if (!globalThis.__easyReadReadAloud) {
  globalThis.__easyReadReadAloud = true;
  browser.runtime.onMessage.addListener(onMessage);
}
