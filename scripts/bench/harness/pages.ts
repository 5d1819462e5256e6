/** Opening fixture pages for a measurement, letting them settle, and reading the renderer's main-thread counters. */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { FixtureServer } from '../../../tests/support/fixture-server.ts';
import { settle } from '../in-page.ts';
import { sleep } from './runs.ts';

/** CDP Performance.getMetrics by name: TaskDuration, RecalcStyleDuration, LayoutDuration… (seconds). */
export type Metrics = Record<string, number>;

export async function cdpMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** Milliseconds of one counter between two readings. */
export function metricDeltaMs(before: Metrics, after: Metrics, name: string): number {
  return (after[name] - before[name]) * 1000;
}

export async function openPage(context: BrowserContext, server: FixtureServer, path: string, initScript?: string): Promise<Page> {
  const page = await context.newPage();
  if (initScript) await page.addInitScript({ content: initScript });
  await page.goto(server.url(path), { waitUntil: 'load' });
  return page;
}

/** Waits until the page (and anything it started at load) has gone quiet. */
export async function settlePage(page: Page): Promise<void> {
  await sleep(200);
  await page.evaluate(settle);
}

/** A fresh tab on `path` with CDP performance counters on, settled: the start of every main-thread measurement. */
export async function openSettledPageWithMetrics(
  context: BrowserContext,
  server: FixtureServer,
  path: string,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await openPage(context, server, path);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await settlePage(page);
  return { page, cdp };
}

/** How many elements the page has once loaded (without the extension): the size the report gives for /large.html. */
export async function countElements(context: BrowserContext, server: FixtureServer, path: string): Promise<number> {
  const page = await openPage(context, server, path);
  const count = await page.evaluate(() => document.getElementsByTagName('*').length);
  await page.close();
  return count;
}
