/** Setting EasyRead's stored preferences from its service worker, as the popup's writes would. */
import type { ExtensionSession } from '../../../tests/support/chromium.ts';
import { sleep } from './runs.ts';

/** Replaces the stored preferences with the text size alone (every other field at its default). */
export async function setGlobalScale(session: ExtensionSession, textScale: number): Promise<void> {
  await session.worker.evaluate((value) => chrome.storage.sync.set({ preferences: { version: 1, textScale: value } }), textScale);
}

/** Replaces the stored preferences with 100% and `fields` (not a merge: what an earlier section stored is gone). */
export async function replacePreferences(session: ExtensionSession, fields: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate((value) => chrome.storage.sync.set({ preferences: { version: 1, textScale: 100, ...value } }), fields);
}

/** The background re-registers the automatic scripts (with the boot file for the step) ~100 ms after a write. */
async function waitForRegistration(session: ExtensionSession, textScale: number): Promise<void> {
  const boot = textScale === 100 ? undefined : `boot/textScale-${textScale}.js`;
  await sleep(300);
  for (let i = 0; i < 200; i++) {
    const files = await session.worker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.js ?? []),
    );
    const ok = files.length > 0 && (boot ? files.includes(boot) : !files.some((file) => file.startsWith('boot/')));
    if (ok) return;
    await sleep(50);
  }
  throw new Error(`automatic scripts never registered for ${textScale}%`);
}

/** Stores the size and waits until pages loaded from now on get it at document start. */
export async function setScaleForNewPages(session: ExtensionSession, textScale: number): Promise<void> {
  await setGlobalScale(session, textScale);
  await waitForRegistration(session, textScale);
}
