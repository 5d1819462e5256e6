/**
 * Enlarged text stays whole on real-world layouts, in Firefox ESR with the
 * built extension (scenarios shared with Chromium: tests/support/unclip-scenarios.ts).
 */
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import { type FirefoxExtensionSession, runCommand } from '../../support/firefox';
import {
  FRAME,
  keepsLateContentWhole,
  keepsTextWholeAtEveryScale,
  letsThePageCollapseWhatItRelaxed,
  PAGE,
  type UnclipBrowser,
} from '../../support/unclip-scenarios';

let session: FirefoxExtensionSession;

const openPage = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

/** The page open, and every error our scripts (or the page) report in it collected. */
async function open(): Promise<{ browser: UnclipBrowser; errors: string[] }> {
  const page = await openPage(PAGE);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const tab: UnclipBrowser = {
    page,
    setScale: (textScale) =>
      session.driver.evaluate(async (textScale) => {
        const { preferences } = await browser.storage.sync.get('preferences');
        await browser.storage.sync.set({ preferences: { version: 1, ...(preferences as object | undefined), textScale } });
      }, textScale),
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

describe('Firefox: enlarged text is not cut off', () => {
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
