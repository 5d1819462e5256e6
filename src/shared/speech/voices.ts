/**
 * Chooses a speechSynthesis voice for the article's language. Pure: takes the
 * list speechSynthesis.getVoices() returned (or a test's plain objects).
 *
 * Privacy first: a voice with localService === false sends the text to a
 * server (Chrome's "Google …" voices do). Local voices win over remote ones;
 * a remote voice is still returned when it is the only one for the language,
 * and isRemote() lets the UI say so.
 */

/** The fields of SpeechSynthesisVoice this module reads. */
export interface VoiceLike {
  lang: string;
  name: string;
  default?: boolean;
  localService?: boolean;
}

/** The region a bare language tag most likely means, so "ja" prefers a "ja-JP" voice over a "ja-XX" one. */
const LIKELY_REGION: Readonly<Record<string, string>> = {
  ja: 'jp',
  en: 'us',
  zh: 'cn',
  ko: 'kr',
  fr: 'fr',
  de: 'de',
  es: 'es',
  it: 'it',
  pt: 'br',
  ru: 'ru',
};

interface Tag {
  language: string;
  region?: string;
}

/** Lower-cased language and region; Android reports "en_US", scripts ("zh-Hant-TW") are skipped. */
function parseTag(tag: string): Tag {
  const [language = '', ...rest] = tag.toLowerCase().replace(/_/g, '-').split('-');
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/.test(part));
  return { language, region };
}

/** 2: same region (or the likely region of a bare tag), 1: same language only, 0: another language. */
function languageMatch(voiceLang: string, wanted: Tag): number {
  const voice = parseTag(voiceLang);
  if (voice.language !== wanted.language) return 0;
  const region = wanted.region ?? LIKELY_REGION[wanted.language];
  return voice.region === region ? 2 : 1;
}

/** True unless the voice says it runs on this machine; unknown counts as remote so we never over-promise. */
export function isRemote(voice: VoiceLike): boolean {
  return voice.localService !== true;
}

/**
 * Compares two candidates that already speak the language: the user's
 * choice, then local over remote, then region, then the browser's default.
 * Negative when `a` is better.
 */
function compare<V extends VoiceLike>(a: V, b: V, wanted: Tag, preferredName: string | undefined): number {
  const keys = (voice: V) => [
    voice.name === preferredName ? 1 : 0,
    isRemote(voice) ? 0 : 1,
    languageMatch(voice.lang, wanted),
    voice.default ? 1 : 0,
  ];
  const [ka, kb] = [keys(a), keys(b)];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
  return 0;
}

/**
 * The best voice for `lang`, or undefined when no voice speaks it (speaking
 * Japanese with an English voice helps nobody). `preferredName` is the voice
 * the user picked in settings; it wins only if it speaks the language.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string, preferredName?: string): V | undefined {
  const wanted = parseTag(lang);
  if (!wanted.language) return undefined;
  const candidates = voices.filter((voice) => languageMatch(voice.lang, wanted) > 0);
  // Array.prototype.sort is stable, so ties keep the browser's order.
  return candidates.sort((a, b) => compare(a, b, wanted, preferredName))[0];
}
