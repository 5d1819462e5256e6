/**
 * Enlarged text stays whole on real-world layouts, in Debian's Chromium with
 * the built extension (scenarios shared with Firefox: tests/support/unclip-scenarios.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ExtensionSession, runCommand, setGlobalPreferences } from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import {
  FRAME,
  keepsLateContentWhole,
  keepsTextWholeAtEveryScale,
  letsThePageCollapseWhatItRelaxed,
  PAGE,
  type UnclipBrowser,
} from '../../support/unclip-scenarios';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

/** The page open, and every error our scripts (or the page) report in it collected. */
async function open(): Promise<{ browser: UnclipBrowser; errors: string[] }> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(server.url(PAGE));
  await page.waitForLoadState('load');
  const tab: UnclipBrowser = {
    page,
    setScale: (textScale) => setGlobalPreferences(session, { textScale }),
    async frame() {
      const frame = page.frames().find((candidate) => candidate.url().endsWith(FRAME));
      if (!frame) throw new Error(`no frame ${FRAME}`);
      return frame;
    },
    async reset() {
      expect(await runCommand(session, page, 'reset-text-size')).toMatchObject({ ok: true, textScale: 100 });
    },
  };
  return { browser: tab, errors };
}

describe('Chromium: enlarged text is not cut off', () => {
  it('at 150, 200 and 300% no box cuts off or spills text it showed whole, what hides on purpose still hides, and reset restores the page', async () => {
    const { browser, errors } = await open();
    await keepsTextWholeAtEveryScale(browser);
    expect(errors).toEqual([]);
  });

  it('relaxes boxes that arrive later too', async () => {
    const { browser, errors } = await open();
    await keepsLateContentWhole(browser);
    expect(errors).toEqual([]);
  });

  it('lets the page collapse a box it relaxed (an accordion), and relaxes it again when reopened', async () => {
    const { browser, errors } = await open();
    await letsThePageCollapseWhatItRelaxed(browser);
    expect(errors).toEqual([]);
  });
});
