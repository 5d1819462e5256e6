/** Page adjustments on the live page in Firefox ESR: a colour scheme and text spacing over hostile CSS, taken away exactly. */
import { describe, expect, it } from 'vitest';
import { useFirefoxFreshPages } from '../../support/extension-with-server';
import type { FirefoxExtensionSession } from '../../support/firefox';
import { lacksOurStyle } from '../../support/our-names';

let session: FirefoxExtensionSession;

// Pages opened by a test load with nothing applied.
const open = useFirefoxFreshPages((_server, readySession) => {
  session = readySession;
});

describe('Firefox page adjustments', () => {
  it('paints the yellow-on-black scheme over a page with hostile CSS, and takes it away exactly', async () => {
    const page = await open('hostile-css.html');
    const original = await page.evaluate(() => document.documentElement.outerHTML);
    await session.driver.evaluate(() =>
      browser.storage.sync.set({ preferences: { version: 1, pageColours: 'yellow-on-black', pageSpacing: 'wcag' } }),
    );
    await page.waitForFunction(() => getComputedStyle(document.body).color === 'rgb(255, 255, 0)');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    const paragraph = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('p') as Element);
      return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
    });
    expect(paragraph).toBeCloseTo(1.5, 1);
    await session.driver.evaluate(() => browser.storage.sync.set({ preferences: { version: 1 } }));
    await page.waitForFunction(lacksOurStyle, {}, 'a');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
  });
});
