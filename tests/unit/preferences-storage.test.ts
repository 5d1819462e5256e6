/**
 * Saving preferences from one page: quick changes in a row end with what the
 * user chose last, and changes to different settings all survive, even when
 * the storage area finishes writes out of order (as Firefox's storage.sync
 * was seen doing in the options page's end-to-end test).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A storage area whose earlier writes take longer: the first set() call lands last unless the next waits for it. */
function outOfOrderArea() {
  let data: Record<string, unknown> = {};
  let writes = 0;
  return {
    get data() {
      return data;
    },
    reset() {
      data = {};
      writes = 0;
    },
    async get(keys: string[] | null) {
      const copy = structuredClone(data);
      return keys === null ? copy : Object.fromEntries(keys.filter((key) => key in copy).map((key) => [key, copy[key]]));
    },
    async set(entries: Record<string, unknown>) {
      const delay = Math.max(0, 40 - 10 * writes++);
      await new Promise((done) => setTimeout(done, delay));
      data = { ...data, ...structuredClone(entries) };
    },
    async remove(keys: string[]) {
      data = Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));
    },
  };
}

const sync = outOfOrderArea();
const local = outOfOrderArea();
vi.mock('webextension-polyfill', () => ({ default: { storage: { sync, local } } }));

const { forgetSite, updateGlobalPreferences, updateSitePreferences } = await import('../../src/shared/preferences/storage');

beforeEach(() => {
  sync.reset();
  local.reset();
});

describe('saving preferences', () => {
  it('keeps the last of several quick changes to one setting (a list stepped through with the arrow keys)', async () => {
    await Promise.all(([110, 125, 150, 175, 200] as const).map((textScale) => updateGlobalPreferences({ textScale })));
    expect(sync.data).toEqual({ preferences: { version: 1, textScale: 200 } });
  });

  it('keeps every setting when several are changed at once', async () => {
    await Promise.all([
      updateGlobalPreferences({ pageLinks: true }),
      updateGlobalPreferences({ pageFocus: true }),
      updateGlobalPreferences({ readerTheme: 'dark' }),
    ]);
    expect(sync.data).toEqual({ preferences: { version: 1, pageLinks: true, pageFocus: true, readerTheme: 'dark' } });
  });

  it('applies site changes and removing the site in the order they were made', async () => {
    await Promise.all([
      updateSitePreferences('https://www.meti.go.jp', { textScale: 150 }),
      updateSitePreferences('https://www.meti.go.jp', { readerTheme: 'dark' }),
      forgetSite('https://www.meti.go.jp'),
      updateSitePreferences('https://www.meti.go.jp', { textScale: 200 }),
    ]);
    expect(sync.data).toEqual({ 'site:https://www.meti.go.jp': { textScale: 200 } });
  });

  it('goes on after a change that failed', async () => {
    const set = vi.spyOn(sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM'));
    const failing = vi.spyOn(local, 'set').mockRejectedValueOnce(new Error('local storage unavailable'));
    await expect(updateGlobalPreferences({ textScale: 300 })).rejects.toThrow('local storage unavailable');
    set.mockRestore();
    failing.mockRestore();
    await updateGlobalPreferences({ textScale: 125 });
    expect(sync.data).toEqual({ preferences: { version: 1, textScale: 125 } });
  });
});
