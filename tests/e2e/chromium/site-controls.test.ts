/**
 * The popup's hint that the site has its own text-size / colour buttons: the
 * detector runs in the tab through executeScript({ func }) (its source text
 * alone), and the hint shows only what was found.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { detectSiteControls, type SiteControls } from '../../../src/shared/site-controls-detect';
import { axeViolations } from '../../support/axe';
import { clearPreferences, type ExtensionSession, setGlobalPreferences, tabIdOf } from '../../support/chromium';
import { useExtensionWithServer } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';

const TEXT_SIZE_HINT = "This site also has its own text-size buttons. EasyRead's size applies on top of them.";
const COLOURS_HINT =
  "This site also has its own colour buttons. They work while EasyRead's page colours are off; while an EasyRead colour scheme is on, it takes their place.";

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

async function openSite(path: string): Promise<Page> {
  const site = await session.context.newPage();
  await site.goto(server.url(path));
  return site;
}

async function openPopup(site: Page): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, site)}`);
  await popup.waitForSelector('#controls:not([hidden])');
  return popup;
}

describe('site controls hint', () => {
  it('says the METI release has its own text-size buttons', async () => {
    const popup = await openPopup(await openSite('meti-release.html'));
    await popup.waitForSelector('#site-controls-hint:not([hidden])');
    expect(await popup.textContent('#site-controls-hint')).toBe(TEXT_SIZE_HINT);
    // In the popup's first view, right after the daily actions (so it never pushes them out of view).
    expect(
      await popup.evaluate(() => {
        const hint = document.getElementById('site-controls-hint');
        const scope = document.getElementById('scope');
        return hint?.parentElement?.id === 'controls' && scope?.nextElementSibling === hint;
      }),
    ).toBe(true);
  });

  it('says the Japanese government page has both text-size and colour buttons, with no axe-core violations', async () => {
    const popup = await openPopup(await openSite('japanese-gov.html'));
    await popup.waitForSelector('#site-controls-hint:not([hidden])');
    expect(await popup.textContent('#site-controls-hint')).toBe(`${TEXT_SIZE_HINT} ${COLOURS_HINT}`);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), colorScheme).toEqual([]);
    }
  });

  it('shows nothing on a page without such buttons, once the popup has its answer', async () => {
    const site = await openSite('px-only.html');
    const popup = await session.context.newPage();
    // Observes (does not change) the popup's own detection call: records its answer once it has arrived.
    await popup.addInitScript(() => {
      const scripting = chrome.scripting as typeof chrome.scripting & { answers?: unknown[] };
      const original = scripting.executeScript.bind(scripting) as (...args: unknown[]) => Promise<unknown> | undefined;
      const answers: unknown[] = [];
      scripting.answers = answers;
      const answered = (result: unknown) => {
        answers.push(result);
        return result;
      };
      (scripting as { executeScript: unknown }).executeScript = (details: unknown, callback?: (result: unknown) => void) => {
        if (callback) return original(details, (result: unknown) => callback(answered(result)));
        return original(details)?.then(answered, (error: unknown) => {
          answered(String(error));
          throw error;
        });
      };
    });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, site)}`);
    await popup.waitForSelector('#controls:not([hidden])');
    // The popup's detection has answered (the hint is set in the same task as the answer arrives).
    await popup.waitForFunction(() => ((chrome.scripting as { answers?: unknown[] }).answers ?? []).length > 0);
    const answers = await popup.evaluate(() => (chrome.scripting as { answers?: unknown[] }).answers);
    expect(answers).toEqual([[expect.objectContaining({ frameId: 0, result: { textSize: false, colours: false } })]]);
    expect(await popup.isHidden('#site-controls-hint')).toBe(true);
    expect(await popup.textContent('#site-controls-hint')).toBe('');
  });

  it('runs as a self-contained executeScript func and as a page function alike', async () => {
    const site = await openSite('japanese-gov.html');
    // Serialised by Playwright: the function's source text alone, called with no argument.
    const inPage = detectSiteControls as () => SiteControls;
    expect(await site.evaluate(inPage)).toEqual({ textSize: true, colours: true });
    const meti = await openSite('meti-release.html');
    expect(await meti.evaluate(inPage)).toEqual({ textSize: true, colours: false });
  });

  it("combines with the site's own buttons: the site's colours with EasyRead's size and font, EasyRead's scheme while it is on", async () => {
    const site = await openSite('japanese-gov.html');
    const paragraph = '[data-probe="body-paragraph"]';
    const look = () =>
      site.$eval(paragraph, (element) => {
        const style = getComputedStyle(element);
        return {
          colour: style.color,
          background: getComputedStyle(document.body).backgroundColor,
          size: style.fontSize,
          font: style.fontFamily,
        };
      });
    const original = await look();
    // The site's own 黒 (black) button, then EasyRead's size and font on top.
    await site.click('.tool-group .bg-black');
    await setGlobalPreferences(session, { textScale: 150, pageFont: 'ud' });
    await expect.poll(async () => (await look()).font).toContain('BIZ UDPGothic');
    const combined = await look();
    expect(combined.colour).toBe('rgb(255, 255, 0)');
    expect(combined.background).toBe('rgb(0, 0, 0)');
    expect(Number.parseFloat(combined.size)).toBeCloseTo(Number.parseFloat(original.size) * 1.5, 1);

    // EasyRead's blue scheme takes the place of the site's colours while it is on...
    await setGlobalPreferences(session, { pageColours: 'blue' });
    await expect.poll(async () => (await look()).background).toBe('rgb(0, 43, 128)');
    // ...and off gives the site's own choice back, untouched.
    await setGlobalPreferences(session, { pageColours: 'off' });
    await expect.poll(async () => (await look()).background).toBe('rgb(0, 0, 0)');
    expect((await look()).colour).toBe('rgb(255, 255, 0)');
    expect(await site.getAttribute('.tool-group .bg-black', 'aria-pressed')).toBe('true');
  });
});
