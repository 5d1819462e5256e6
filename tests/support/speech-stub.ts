/**
 * STUB, because headless Chromium and headless Firefox here have no speech voices: stands in for
 * speechSynthesis in our content scripts' world of a tab (where read aloud runs), records what would
 * be said, and ends each utterance after a while. Everything else is real. It is put there with
 * scripting.executeScript from an extension page, which runs in that same world in both browsers
 * (Chromium's isolated world, Firefox's content-script sandbox); page scripts cannot see it.
 */

export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
}

/** Runs fn(arg) in an extension page (the browser's harness provides it); fn must be self-contained. */
export type InExtension = <A, R>(fn: (arg: A) => Promise<R>, arg: A) => Promise<R>;

/** Replaces speechSynthesis in our world of the tab's top frame; each utterance ends after speakMs. */
export async function stubSpeech(inExtension: InExtension, tabId: number, speakMs = 300): Promise<void> {
  await inExtension(
    async ({ tabId, speakMs }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        args: [speakMs],
        func: (speakMs: number) => {
          const spoken: { text: string; lang: string; rate: number }[] = [];
          let timer: ReturnType<typeof setTimeout> | undefined;
          const stub = {
            spoken,
            getVoices: () => [],
            speak(utterance: SpeechSynthesisUtterance) {
              spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate });
              timer = setTimeout(() => utterance.onend?.(new Event('end') as SpeechSynthesisEvent), speakMs);
            },
            cancel() {
              clearTimeout(timer);
            },
            pause() {},
            resume() {},
            addEventListener() {},
          };
          Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
        },
      });
    },
    { tabId, speakMs },
  );
}

/** What the stub was asked to say so far, in order. */
export async function spoken(inExtension: InExtension, tabId: number): Promise<SpokenUtterance[]> {
  return inExtension(async (tabId) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [frame] = await api.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => (window.speechSynthesis as unknown as { spoken: unknown[] }).spoken,
    });
    return frame.result as SpokenUtterance[];
  }, tabId);
}
