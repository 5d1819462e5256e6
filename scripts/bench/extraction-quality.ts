/**
 * Bench section 8: extraction quality, 4-token shingles against the hand-checked expected text of each fixture,
 * for extractArticle on jsdom in Node and for what the reader frame shows in the extension's Chromium.
 */
import { type ExtensionSession, tabIdOf, waitForReaderFrame } from '../../tests/support/chromium.ts';
import type { FixtureServer } from '../../tests/support/fixture-server.ts';
import type { ShingleScores } from '../../tests/support/shingles.ts';
import { table } from './harness/format.ts';
import { log } from './harness/runs.ts';
import { meanOf } from './harness/stats.ts';
import { expectedText, extractionQuality, QUALITY_FIXTURES, type QualityRow, shownScores } from './reader.ts';
import { readerShown, sendReaderCommand } from './reader-in-page.ts';

const SHINGLE = 4;

export interface ExtractionMeasurements {
  jsdom: QualityRow[];
  shown: { page: string; scores: ShingleScores }[];
}

async function readerShownScores(session: ExtensionSession, server: FixtureServer, page: string): Promise<ShingleScores> {
  const tab = await session.context.newPage();
  await tab.goto(server.url(`/${page}.html`), { waitUntil: 'load' });
  const tabId = await tabIdOf(session, tab);
  const sent = await session.driver.evaluate(sendReaderCommand, tabId);
  if ((sent.reply as { readerOpen?: boolean })?.readerOpen !== true) throw new Error(`${page}: reader did not open`);
  const frame = await waitForReaderFrame(tab);
  await frame.waitForSelector('#article:not([hidden])');
  const shown = await frame.evaluate(readerShown);
  await tab.close();
  return shownScores(await expectedText(page), shown);
}

export async function measureExtractionQuality(session: ExtensionSession, server: FixtureServer): Promise<ExtractionMeasurements> {
  log('8/11 extraction quality (jsdom in Node, then the reader in Chromium)');
  const jsdom = await extractionQuality();
  const shown: ExtractionMeasurements['shown'] = [];
  for (const page of QUALITY_FIXTURES) shown.push({ page, scores: await readerShownScores(session, server, page) });
  return { jsdom, shown };
}

export function extractionResult({ jsdom, shown }: ExtractionMeasurements) {
  return {
    shingle: SHINGLE,
    rows: QUALITY_FIXTURES.map((page) => {
      const row = jsdom.find((entry) => entry.page === page) as QualityRow;
      const reader = shown.find((entry) => entry.page === page)?.scores as ShingleScores;
      return { page, kind: row.kind, expectedTokens: row.expectedTokens, jsdom: row.scores, chromiumReader: reader };
    }),
    meanF1: {
      jsdom: meanOf(jsdom.map((row) => row.scores.f1)),
      chromiumReader: meanOf(shown.map((row) => row.scores.f1)),
    },
  };
}

export function extractionReport(extraction: ReturnType<typeof extractionResult>): string[] {
  const score = (value: number) => value.toFixed(3);
  const rows = extraction.rows.map((entry) => [
    entry.page,
    entry.kind ?? 'none',
    String(entry.expectedTokens),
    score(entry.jsdom.precision),
    score(entry.jsdom.recall),
    score(entry.jsdom.f1),
    `${score(entry.chromiumReader.f1)} (${score(entry.chromiumReader.precision)} / ${score(entry.chromiumReader.recall)})`,
  ]);
  return [
    '',
    `8. Extraction quality: ${extraction.shingle}-token shingles against tests/fixtures/extraction/*.expected.txt (hand-checked)`,
    '  method, jsdom: extractArticle (src/reader/extract.ts) in Node on each fixture parsed by jsdom (URL http://127.0.0.1/<page>.html);',
    '    text = title, byline, meta (label, value), body with rt/rp removed and a line per block, as tests/unit/extract.test.ts scores it.',
    "  method, Chromium reader: the same fixture served, opened in reading mode in the extension's Chromium; the same text rule applied to",
    '    what the reader frame shows (#article-title, #byline if shown, #meta, #content after DOMPurify).',
    table(
      ['page', 'kind', 'expected tokens', 'precision', 'recall', 'F1 (jsdom)', 'F1 (Chromium reader; P / R)'],
      [...rows, ['mean', '', '', '', '', score(extraction.meanF1.jsdom), score(extraction.meanF1.chromiumReader)]],
    ),
  ];
}
