import { describe, expect, it } from 'vitest';
import { isRemote, pickVoice, type VoiceLike } from '../../src/shared/speech/voices';

/** Shaped like Chrome's list: local OS voices plus "Google …" voices that send text to a server. */
const voices: VoiceLike[] = [
  { name: 'Google US English', lang: 'en-US', localService: false, default: true },
  { name: 'Microsoft David - English (United States)', lang: 'en-US', localService: true },
  { name: 'Microsoft Hazel - English (United Kingdom)', lang: 'en-GB', localService: true },
  { name: 'Google UK English Female', lang: 'en-GB', localService: false },
  { name: 'Google 日本語', lang: 'ja-JP', localService: false },
  { name: 'Microsoft Haruka - Japanese (Japan)', lang: 'ja-JP', localService: true },
  { name: 'Microsoft Ayumi - Japanese (Japan)', lang: 'ja-JP', localService: true },
];

const named = (name: string) => voices.find((voice) => voice.name === name);

describe('pickVoice', () => {
  it('prefers a local voice with the exact language', () => {
    expect(pickVoice(voices, 'en-US')?.name).toBe('Microsoft David - English (United States)');
    expect(pickVoice(voices, 'en-GB')?.name).toBe('Microsoft Hazel - English (United Kingdom)');
  });

  it('reads a bare tag as its usual region: "ja" means ja-JP, "en" means en-US', () => {
    expect(pickVoice(voices, 'ja')?.name).toBe('Microsoft Haruka - Japanese (Japan)');
    expect(pickVoice(voices, 'en')?.name).toBe('Microsoft David - English (United States)');
  });

  it('prefers the exact region, then falls back to the same language', () => {
    const list: VoiceLike[] = [
      { name: 'Australian', lang: 'en-AU', localService: true },
      { name: 'British', lang: 'en-GB', localService: true },
    ];
    expect(pickVoice(list, 'en-GB')?.name).toBe('British');
    expect(pickVoice(list, 'en-US')?.name).toBe('Australian');
  });

  it('prefers a local voice over a remote one even when the remote one matches the region better', () => {
    const list: VoiceLike[] = [
      { name: 'Remote US', lang: 'en-US', localService: false },
      { name: 'Local UK', lang: 'en-GB', localService: true },
    ];
    expect(pickVoice(list, 'en-US')?.name).toBe('Local UK');
  });

  it('still returns a remote voice when it is the only one, and isRemote says so', () => {
    const linuxChrome = voices.filter((voice) => voice.name.startsWith('Google'));
    const picked = pickVoice(linuxChrome, 'ja');
    expect(picked?.name).toBe('Google 日本語');
    expect(picked && isRemote(picked)).toBe(true);
  });

  it('honours the preferred voice when it speaks the language, even a remote one', () => {
    expect(pickVoice(voices, 'ja', 'Microsoft Ayumi - Japanese (Japan)')?.name).toBe('Microsoft Ayumi - Japanese (Japan)');
    expect(pickVoice(voices, 'ja-JP', 'Google 日本語')?.name).toBe('Google 日本語');
  });

  it('ignores a preferred voice for another language', () => {
    expect(pickVoice(voices, 'ja', 'Microsoft David - English (United States)')?.name).toBe('Microsoft Haruka - Japanese (Japan)');
    expect(pickVoice(voices, 'ja', 'No such voice')?.name).toBe('Microsoft Haruka - Japanese (Japan)');
  });

  it('uses the browser default to break a tie, then the browser order', () => {
    const list: VoiceLike[] = [
      { name: 'First', lang: 'fr-FR', localService: true },
      { name: 'Default', lang: 'fr-FR', localService: true, default: true },
      { name: 'Third', lang: 'fr-FR', localService: true },
    ];
    expect(pickVoice(list, 'fr')?.name).toBe('Default');
    expect(pickVoice([list[0], list[2]], 'fr')?.name).toBe('First');
  });

  it('matches tags regardless of case and underscores (Android reports "en_US")', () => {
    const list: VoiceLike[] = [{ name: 'Android', lang: 'EN_us', localService: true }];
    expect(pickVoice(list, 'en-US')?.name).toBe('Android');
    expect(pickVoice(voices, 'JA-jp')?.lang).toBe('ja-JP');
  });

  it('skips a script subtag when comparing regions', () => {
    const list: VoiceLike[] = [
      { name: 'Mainland', lang: 'zh-CN', localService: true },
      { name: 'Taiwan', lang: 'zh-TW', localService: true },
    ];
    expect(pickVoice(list, 'zh-Hant-TW')?.name).toBe('Taiwan');
  });

  it('returns undefined when no voice speaks the language, or there are no voices', () => {
    expect(pickVoice(voices, 'de')).toBeUndefined();
    expect(pickVoice([], 'en')).toBeUndefined();
    expect(pickVoice(voices, '')).toBeUndefined();
  });

  it('does not reorder the list it was given', () => {
    const before = voices.map((voice) => voice.name);
    pickVoice(voices, 'en');
    expect(voices.map((voice) => voice.name)).toEqual(before);
  });

  it('returns the same object, so the caller can hand it to an utterance', () => {
    expect(pickVoice(voices, 'en-GB')).toBe(named('Microsoft Hazel - English (United Kingdom)'));
  });
});

describe('isRemote', () => {
  it('is false only for voices that say they are local', () => {
    expect(isRemote({ name: 'a', lang: 'en', localService: true })).toBe(false);
    expect(isRemote({ name: 'b', lang: 'en', localService: false })).toBe(true);
    expect(isRemote({ name: 'c', lang: 'en' })).toBe(true);
  });
});
