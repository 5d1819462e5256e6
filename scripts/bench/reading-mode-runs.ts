/**
 * Bench section 7, the runs: EasyRead's reading mode from the command to the reader painted (with its steps timed
 * alone in a tab without the extension), and the bare Readability + DOMPurify reader it is compared with.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { type ExtensionSession, tabIdOf, waitForReaderFrame } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import { NAME_SHIM } from './harness/browsers.ts';
import { openPage, settlePage } from './harness/pages.ts';
import { interleaved, type PerSide } from './harness/runs.ts';
import {
  armFrameInsertion,
  articleFontSize,
  type ReaderFrameRecord,
  type ReaderStepsSample,
  readerFrameRecorder,
  readFrameInsertion,
  readReaderFrameRecord,
  sendReaderCommand,
  timeBareReader,
  timeReaderSteps,
} from './reader-in-page.ts';

const READER_RECORDER = `${NAME_SHIM}\n(${readerFrameRecorder.toString()})();`;

/** Times (ms) from the command message being sent in the driver page (epoch clocks of the three processes). */
export interface ReaderSample {
  /** Background, overlay injection, the page's outerHTML handed to the background (storage.session), iframe appended. */
  frameInsertedMs: number;
  /** The reader document's navigation start. */
  readerStartMs: number;
  readerDomContentLoadedMs: number;
  /** #article visible (snapshot fetched from the background, parsed, extracted, sanitized, rendered). */
  visibleMs: number;
  /** First frame rendered after #article became visible: "reader painted". */
  paintedMs: number;
  /** First frame rendered after the user's look (#reader --scale etc.) was applied. */
  lookPaintedMs: number;
  /** The command's reply reached the driver page. */
  replyMs: number;
  /** The look was applied only after the first frame with the article had been rendered. */
  lookAfterFirstFrame: boolean;
  firstFontSize: number;
  finalFontSize: number;
}

export interface BareSample {
  parseMs: number;
  sanitizeMs: number;
  /** Parse + sanitize (the libraries' work alone). */
  computeMs: number;
  /** Parse + sanitize + shown + first frame rendered: the baseline for "reader painted". */
  paintedMs: number;
  textLength: number;
}

export type OursSample = ReaderSample & { steps: ReaderStepsSample };

/** Opens reading mode on a settled tab as the popup does; the reader frame's recorder and the send time. */
async function openReader(session: ExtensionSession, page: Page, path: string) {
  await page.evaluate(armFrameInsertion);
  const tabId = await tabIdOf(session, page);
  const sent = await session.driver.evaluate(sendReaderCommand, tabId);
  const reply = sent.reply as { ok?: boolean; readerOpen?: boolean };
  if (!reply?.ok || reply.readerOpen !== true) throw new Error(`${path}: toggle-reading-mode replied ${JSON.stringify(sent.reply)}`);
  const frame = await waitForReaderFrame(page);
  const record: ReaderFrameRecord | null = await frame.evaluate(readReaderFrameRecord);
  if (!record) throw new Error(`${path}: the recorder did not run in the reader frame`);
  if (record.notice !== null) throw new Error(`${path}: the reader showed a notice: ${record.notice}`);
  return { sent, frame, record };
}

/** The record's times as milliseconds since the command was sent. */
async function readerTimes(page: Page, frame: Frame, record: ReaderFrameRecord, sent: { sentAt: number; repliedAt: number }, path: string) {
  const { visibleAt, visibleFrameAt, visiblePaintedAt, lookAt, lookPaintedAt, domContentLoadedAt, firstFontSize } = record;
  if (visibleAt === null || visibleFrameAt === null || visiblePaintedAt === null || lookAt === null || lookPaintedAt === null) {
    throw new Error(`${path}: reader never painted (${JSON.stringify(record)})`);
  }
  const frameInsertedAt = await page.evaluate(readFrameInsertion);
  if (frameInsertedAt === null) throw new Error(`${path}: reader iframe insertion not seen`);
  const finalFontSize = await frame.evaluate(articleFontSize);
  const since = (at: number) => at - sent.sentAt;
  return {
    frameInsertedMs: since(frameInsertedAt),
    readerStartMs: since(record.timeOrigin),
    readerDomContentLoadedMs: domContentLoadedAt === null ? Number.NaN : since(domContentLoadedAt),
    visibleMs: since(visibleAt),
    paintedMs: since(visiblePaintedAt),
    lookPaintedMs: since(lookPaintedAt),
    replyMs: since(sent.repliedAt),
    lookAfterFirstFrame: lookAt > visibleFrameAt,
    firstFontSize: firstFontSize ?? Number.NaN,
    finalFontSize,
  };
}

export async function readerRun(session: ExtensionSession, server: FixtureServer, path: string): Promise<ReaderSample> {
  const page = await session.context.newPage();
  await page.addInitScript({ content: READER_RECORDER });
  await page.goto(server.url(path), { waitUntil: 'load' });
  await settlePage(page);
  const { sent, frame, record } = await openReader(session, page, path);
  const sample = await readerTimes(page, frame, record, sent, path);
  await page.close();
  return sample;
}

/** EasyRead's reading-mode steps alone (same sources, bundled by the bench), in a fresh tab without the extension. */
async function readerStepsRun(plain: BrowserContext, server: FixtureServer, path: string, bundle: string): Promise<ReaderStepsSample> {
  const page = await openPage(plain, server, path);
  await page.addScriptTag({ content: bundle });
  await settlePage(page);
  const sample = await page.evaluate(timeReaderSteps);
  await page.close();
  if (sample.kind === null) throw new Error(`${path}: extractArticle found nothing`);
  return sample;
}

async function bareReaderRun(plain: BrowserContext, server: FixtureServer, path: string, bundle: string): Promise<BareSample> {
  const page = await openPage(plain, server, path);
  await page.addScriptTag({ content: bundle });
  await settlePage(page);
  const sample = await page.evaluate(timeBareReader);
  await page.close();
  if (sample.textLength === 0) throw new Error(`${path}: Readability found nothing`);
  return {
    parseMs: sample.parsedAt - sample.startAt,
    sanitizeMs: sample.sanitizedAt - sample.parsedAt,
    computeMs: sample.sanitizedAt - sample.startAt,
    paintedMs: sample.paintedAt - sample.startAt,
    textLength: sample.textLength,
  };
}

export interface ReaderBundles {
  /** Readability + DOMPurify (the baseline). */
  bare: string;
  /** extractArticle + sanitizeArticleFragment (the steps alone). */
  reader: string;
}

export interface ReadingModeRuns {
  ours: OursSample[];
  browser: BareSample[];
}

export async function readingModeOn(
  session: ExtensionSession,
  plain: BrowserContext,
  server: FixtureServer,
  path: string,
  bundles: ReaderBundles,
): Promise<ReadingModeRuns> {
  const samples: PerSide<OursSample | BareSample> = await interleaved(`7/11 reading mode on ${path}`, async (side) =>
    side === 'ours'
      ? { ...(await readerRun(session, server, path)), steps: await readerStepsRun(plain, server, path, bundles.reader) }
      : await bareReaderRun(plain, server, path, bundles.bare),
  );
  return { ours: samples.ours as OursSample[], browser: samples.browser as BareSample[] };
}
