/**
 * Many sites with their own settings against storage.sync's quotas (512 items, 8 KB per item,
 * 100 KB in all, 120 writes a minute), for Chromium and Firefox alike: 500 sites written from an
 * extension page the way storage.ts writes them (batched sets, storage.local when sync refuses) all
 * read back, all show on the options page, and a page still follows its own site's settings. Past
 * the item quota the extra sites land in storage.local and nothing is lost.
 */
import { expect } from 'vitest';
import { fontSizes, type ScriptTarget } from './page-checks';

export interface ManySitesHarness {
  /** The fixture server's origin, e.g. http://127.0.0.1:1234. */
  origin(): string;
  /** Runs fn(arg) in an extension page (the test driver); fn must be self-contained. */
  inExtension<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R>;
  openSite(path: string): Promise<ScriptTarget>;
  /** Rows of the options page's site list. */
  optionsRows(): Promise<number>;
}

const COLOURS = ['off', 'white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'blue', 'dark'];
const SCALES = [50, 67, 80, 90, 110, 125, 150, 175, 200, 250, 300];
const PARAGRAPH = '[data-probe="body-paragraph"]';

type SiteEntry = { textScale: number; pageColours: string };

/** `count` sites, keyed and shaped as storage.ts writes them; the fixture server's own origin is the first. */
function sites(origin: string, count: number, first = 0): Record<string, SiteEntry> {
  const entries: Record<string, SiteEntry> = {};
  for (let i = first; i < first + count; i++) {
    const site = i === 0 ? origin : `https://site-${String(i).padStart(3, '0')}.example.jp`;
    entries[`site:${site}`] =
      i === 0
        ? { textScale: 200, pageColours: 'blue' }
        : { textScale: SCALES[i % SCALES.length], pageColours: COLOURS[i % COLOURS.length] };
  }
  return entries;
}

type Written = { area: 'sync' | 'local'; keys: number; error?: string }[];

/** storage.ts writeMany from an extension page, in batches: sync first, storage.local when sync refuses. */
function writeInBatches(h: ManySitesHarness, entries: Record<string, unknown>, batchSize: number): Promise<Written> {
  return h.inExtension(
    async ({ entries, batchSize }) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const all = Object.entries(entries);
      const written: Written = [];
      for (let start = 0; start < all.length; start += batchSize) {
        const batch = Object.fromEntries(all.slice(start, start + batchSize));
        const keys = Object.keys(batch);
        try {
          await api.storage.sync.set(batch);
        } catch (error) {
          await api.storage.local.set(batch);
          written.push({ area: 'local', keys: keys.length, error: String(error) });
          continue;
        }
        await api.storage.local.remove(keys);
        written.push({ area: 'sync', keys: keys.length });
      }
      return written;
    },
    { entries, batchSize },
  );
}

/** Both areas merged, local winning, as storage.ts readRaw does; plus what sync holds and uses. */
function readBack(
  h: ManySitesHarness,
): Promise<{ merged: Record<string, unknown>; syncItems: number; syncBytes: number; localItems: number }> {
  return h.inExtension(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const [synced, local] = await Promise.all([api.storage.sync.get(null), api.storage.local.get(null)]);
    return {
      merged: { ...synced, ...local },
      syncItems: Object.keys(synced).length,
      syncBytes: await api.storage.sync.getBytesInUse(null),
      localItems: Object.keys(local).length,
    };
  }, undefined);
}

async function expectParagraphSize(page: ScriptTarget, expected: number): Promise<void> {
  await expect.poll(async () => (await fontSizes(page, PARAGRAPH))[0], { timeout: 15_000 }).toBeCloseTo(expected, 1);
}

export const manySitesScenarios = {
  async 'all fit in storage.sync, read back, show on the options page, and a site keeps its own size'(h: ManySitesHarness) {
    const [baseline] = await fontSizes(await h.openSite('meti-release.html'), PARAGRAPH);
    const entries = { preferences: { version: 1, textScale: 125 }, ...sites(h.origin(), 500) };
    // 5 writes of 100 keys: far under 120 writes a minute.
    const written = await writeInBatches(h, entries, 100);
    const back = await readBack(h);

    // Either way (sync, or local where sync refused), every site is there exactly as written.
    expect(Object.keys(back.merged).length).toBe(501);
    expect(back.merged).toEqual(entries);
    // 501 items of about 80 bytes: inside all of sync's quotas, so nothing had to fall back.
    expect(written.filter((batch) => batch.area === 'local')).toEqual([]);
    expect(back.syncItems).toBe(501);
    expect(back.syncBytes).toBeLessThan(102_400);

    expect(await h.optionsRows()).toBe(500);

    // The fixture server's origin follows its own 200%, not the 125% for all sites.
    await expectParagraphSize(await h.openSite('meti-release.html'), baseline * 2);
  },

  async 'past 512 items sync refuses, the extra sites are kept in storage.local, and nothing is lost'(h: ManySitesHarness) {
    const first = { preferences: { version: 1, textScale: 125 }, ...sites(h.origin(), 500) };
    const extra = sites(h.origin(), 20, 500);
    expect((await writeInBatches(h, first, 100)).every((batch) => batch.area === 'sync')).toBe(true);

    const written = await writeInBatches(h, extra, 20);
    expect(written).toHaveLength(1);
    expect(written[0].area).toBe('local');
    expect(written[0].error).toMatch(/MAX_ITEMS|quota/i);

    const back = await readBack(h);
    expect(back.syncItems).toBe(501);
    expect(back.localItems).toBe(20);
    expect(back.merged).toEqual({ ...first, ...extra });
    expect(await h.optionsRows()).toBe(520);
  },
};

export type ManySitesScenario = keyof typeof manySitesScenarios;
