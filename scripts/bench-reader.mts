/**
 * `npm run bench:reader [runs] [path…]`: reading mode alone (bench section 7, scripts/bench/reading-mode.ts) in steps, from the command to
 * the reader painted, with the reader frame's navigation timing and its own marks (easyread:page, :extracted,
 * :rendered), next to the bare Readability + DOMPurify reader (parse / sanitize / show / paint). Medians of
 * [runs] (default 7) after 2 warm-ups; every sample is printed, since a shared machine is noisy.
 * EXT_DIR=<unpacked extension with host access> measures another build (for before/after comparisons).
 */
import { tabIdOf, waitForReaderFrame } from '../tests/support/chromium.ts';
import { launchBenchBrowsers, NAME_SHIM } from './bench/harness/browsers.ts';
import { sleep } from './bench/harness/runs.ts';
import { median } from './bench/harness/stats.ts';
import { bareReaderBundle } from './bench/reader.ts';
import {
  armFrameInsertion,
  readerFrameRecorder,
  readFrameInsertion,
  readReaderFrameRecord,
  sendReaderCommand,
  timeBareReader,
} from './bench/reader-in-page.ts';

const RECORDER = `${NAME_SHIM}\n(${readerFrameRecorder.toString()})();
if (location.protocol === 'chrome-extension:') { window.__createdAt = performance.timeOrigin + performance.now(); }`;
const runs = Number(process.argv[2] ?? 7);
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ['/meti-release.html', '/large.html'];

// The same two browsers as `npm run bench` (harness/browsers.ts), the extension's from EXT_DIR if given.
const { session, plain, server, close } = await launchBenchBrowsers({ extensionDir: process.env.EXT_DIR });
const bare = await bareReaderBundle();

async function ours(path: string) {
  const page = await session.context.newPage();
  await page.addInitScript({ content: RECORDER });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await sleep(200);
  await page.evaluate(armFrameInsertion);
  const tabId = await tabIdOf(session, page);
  const sent = await session.driver.evaluate(sendReaderCommand, tabId);
  const frame = await waitForReaderFrame(page);
  const record = await frame.evaluate(readReaderFrameRecord);
  if (!record || record.notice) throw new Error(`notice ${record?.notice}`);
  await sleep(300);
  const inserted = await page.evaluate(readFrameInsertion);
  const extra = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const t = (x: number) => performance.timeOrigin + x;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      created: (window as unknown as { __createdAt: number }).__createdAt,
      fcp: fcp ? t(fcp.startTime) : Number.NaN,
      nav: { responseEnd: t(nav.responseEnd), domInteractive: t(nav.domInteractive) },
      marks: performance.getEntriesByType('mark').map((m) => [m.name, t(m.startTime)] as const),
    };
  });
  await page.close();
  const since = (x: number | null) => (x === null ? Number.NaN : x - sent.sentAt);
  const row: Record<string, number> = {
    inserted: since(inserted),
    navStart: since(record.timeOrigin),
    responseEnd: since(extra.nav.responseEnd),
    created: since(extra.created),
    domInteractive: since(extra.nav.domInteractive),
    dcl: since(record.domContentLoadedAt),
  };
  for (const [name, at] of extra.marks) row[name] = since(at);
  row.fcp = since(extra.fcp);
  row.visible = since(record.visibleAt);
  row.painted = since(record.visiblePaintedAt);
  row.lookPainted = since(record.lookPaintedAt);
  row.reply = since(sent.repliedAt);
  return { row };
}

async function bareRun(path: string) {
  const page = await plain.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  await page.addScriptTag({ content: bare });
  await sleep(200);
  const s = await page.evaluate(timeBareReader);
  await page.close();
  return [s.paintedAt - s.startAt, s.parsedAt - s.startAt, s.sanitizedAt - s.parsedAt, s.shownAt - s.sanitizedAt, s.paintedAt - s.shownAt];
}

try {
  for (const path of paths) {
    const rows: Record<string, number>[] = [];
    const bares: number[] = [];
    const bareParts: number[][] = [];
    for (let i = 0; i < runs + 2; i++) {
      const r = await ours(path);
      const b = await bareRun(path);
      if (i >= 2) {
        rows.push(r.row);
        bares.push(b[0]);
        bareParts.push(b);
      }
    }
    console.log(`\n${path}  (${runs} runs, medians in ms from the command)`);
    for (const key of Object.keys(rows[0])) {
      console.log(
        `  ${key.padEnd(14)} ${median(rows.map((r) => r[key]))
          .toFixed(1)
          .padStart(7)}   [${rows.map((r) => Math.round(r[key])).join(' ')}]`,
      );
    }
    console.log(`  bare painted   ${median(bares).toFixed(1).padStart(7)}   [${bares.map(Math.round).join(' ')}]`);
    console.log(`  bare parse/sanitize/show/paint ${[1, 2, 3, 4].map((k) => median(bareParts.map((p) => p[k])).toFixed(1)).join(' / ')}`);
    console.log(`  ratio          ${(median(rows.map((r) => r.painted)) / median(bares)).toFixed(2)}`);
  }
} finally {
  await close();
}
