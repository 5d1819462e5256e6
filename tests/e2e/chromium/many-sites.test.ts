/**
 * Many sites with their own settings against storage.sync's quotas (512
 * items, 8 KB per item, 100 KB in all, 120 writes a minute): 500 sites
 * written from an extension page the way storage.ts writes them (batched
 * sets, storage.local when sync refuses) all read back, all show on the
 * options page, and a page still follows its own site's settings. Past the
 * item quota the extra sites land in storage.local and nothing is lost.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearPreferences, type ExtensionSession, fontSizes, waitForFontSize } from '../../support/chromium';
import { useExtensionWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';

let server: FixtureServer;
let session: ExtensionSession;

useExtensionWithServer((readyServer, readySession) => {
  server = readyServer;
  session = readySession;
});

beforeEach(async () => {
  await clearPreferences(session);
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
});

const COLOURS = ['off', 'white-on-black', 'black-on-white', 'yellow-on-black', 'black-on-yellow', 'blue', 'dark'];
const SCALES = [50, 67, 80, 90, 110, 125, 150, 175, 200, 250, 300];

/** `count` sites, keyed and shaped as storage.ts writes them; the fixture server's own origin is the first. */
function sites(count: number, first = 0): Record<string, { textScale: number; pageColours: string }> {
  const entries: Record<string, { textScale: number; pageColours: string }> = {};
  for (let i = first; i < first + count; i++) {
    const origin = i === 0 ? new URL(server.origin).origin : `https://site-${String(i).padStart(3, '0')}.example.jp`;
    entries[`site:${origin}`] =
      i === 0
        ? { textScale: 200, pageColours: 'blue' }
        : { textScale: SCALES[i % SCALES.length], pageColours: COLOURS[i % COLOURS.length] };
  }
  return entries;
}

/**
 * storage.ts writeMany from the driver (an extension page), in batches: sync
 * first, storage.local when sync refuses; returns where each batch went.
 */
function writeInBatches(
  entries: Record<string, unknown>,
  batchSize: number,
): Promise<{ area: 'sync' | 'local'; keys: number; error?: string }[]> {
  return session.driver.evaluate(
    async ({ entries, batchSize }) => {
      const all = Object.entries(entries);
      const written: { area: 'sync' | 'local'; keys: number; error?: string }[] = [];
      for (let start = 0; start < all.length; start += batchSize) {
        const batch = Object.fromEntries(all.slice(start, start + batchSize));
        const keys = Object.keys(batch);
        try {
          await chrome.storage.sync.set(batch);
        } catch (error) {
          await chrome.storage.local.set(batch);
          written.push({ area: 'local', keys: keys.length, error: String(error) });
          continue;
        }
        await chrome.storage.local.remove(keys);
        written.push({ area: 'sync', keys: keys.length });
      }
      return written;
    },
    { entries, batchSize },
  );
}

/** Both areas merged, local winning, as storage.ts readRaw does; plus what sync holds and uses. */
function readBack(): Promise<{ merged: Record<string, unknown>; syncItems: number; syncBytes: number; localItems: number }> {
  return session.driver.evaluate(async () => {
    const [synced, local] = await Promise.all([chrome.storage.sync.get(null), chrome.storage.local.get(null)]);
    return {
      merged: { ...synced, ...local },
      syncItems: Object.keys(synced).length,
      syncBytes: await chrome.storage.sync.getBytesInUse(null),
      localItems: Object.keys(local).length,
    };
  });
}

async function optionsRows(): Promise<number> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
  await options.waitForSelector('body[data-ready="true"]');
  const rows = await options.locator('#site-list li[data-origin]').count();
  await options.close();
  return rows;
}

describe('500 sites with their own settings', () => {
  it('all fit in storage.sync, read back, show on the options page, and a site keeps its own size', async () => {
    const fixture = await session.context.newPage();
    await fixture.goto(server.url('meti-release.html'));
    const [baseline] = await fontSizes(fixture, '[data-probe="body-paragraph"]');
    await fixture.close();

    const entries = { preferences: { version: 1, textScale: 125 }, ...sites(500) };
    // 5 writes of 100 keys: far under 120 writes a minute.
    const written = await writeInBatches(entries, 100);
    const back = await readBack();

    // Either way (sync, or local where sync refused), every site is there exactly as written.
    expect(Object.keys(back.merged).length).toBe(501);
    expect(back.merged).toEqual(entries);
    // 501 items of about 80 bytes: inside all of sync's quotas, so nothing had to fall back.
    expect(written.filter((batch) => batch.area === 'local')).toEqual([]);
    expect(back.syncItems).toBe(501);
    expect(back.syncBytes).toBeLessThan(102_400);

    expect(await optionsRows()).toBe(500);

    // 127.0.0.1 follows its own 200%; localhost, not in the list, follows the 125% for all sites.
    const own = await session.context.newPage();
    await own.goto(server.url('meti-release.html'));
    await waitForFontSize(own, '[data-probe="body-paragraph"]', baseline * 2);
    const other = await session.context.newPage();
    await other.goto(server.url('meti-release.html').replace('127.0.0.1', 'localhost'));
    await waitForFontSize(other, '[data-probe="body-paragraph"]', baseline * 1.25);
  });

  it('past 512 items sync refuses, the extra sites are kept in storage.local, and nothing is lost', async () => {
    const first = { preferences: { version: 1, textScale: 125 }, ...sites(500) };
    const extra = sites(20, 500);
    expect((await writeInBatches(first, 100)).every((batch) => batch.area === 'sync')).toBe(true);

    const written = await writeInBatches(extra, 20);
    expect(written).toHaveLength(1);
    expect(written[0].area).toBe('local');
    expect(written[0].error).toMatch(/MAX_ITEMS|quota/i);

    const back = await readBack();
    expect(back.syncItems).toBe(501);
    expect(back.localItems).toBe(20);
    expect(back.merged).toEqual({ ...first, ...extra });
    expect(await optionsRows()).toBe(520);
  });
});
