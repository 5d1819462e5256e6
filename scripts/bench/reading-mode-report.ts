/** Bench section 7, printed: the method, the timings of both pages, and what the reader extracted and showed. */
import { comparedRow, formatBytes, formatCount, formatMs, met, table } from './harness/format.ts';
import { LARGE, METI, type ReaderSummary, type ReadingModeResult } from './reading-mode.ts';

const METHOD = [
  '  method, EasyRead: fresh tab, stored text size 100%, default reader look. The run-command message is sent from an extension',
  '    page as the popup sends it; t0 = just before its chrome.runtime.sendMessage. "Painted" = a MessageChannel message posted from',
  "    the first requestAnimationFrame callback in the reader frame after #article lost `hidden` (it runs after that frame's style,",
  '    layout and paint). Times across processes: epoch clocks (performance.timeOrigin + now()) of the extension page, the page',
  '    and the reader frame.',
  '  method, bare reader: fresh tab of the browser without the extension, with @mozilla/readability and dompurify (the packages the',
  '    reader uses, esbuild IIFE) injected beforehand; t0 → new Readability(document.cloneNode(true)).parse() → DOMPurify.sanitize',
  '    (default config) of its content → title + content shown in a fixed full-window <div> in the page → first frame rendered (same rule).',
  '  breakdown "t0 →": EasyRead times since t0 (no baseline). The overlay hands the page\'s outerHTML to the background (storage.session);',
  '    the reader page fetches it, parses it with DOMParser, runs extractArticle on that inert copy, sanitizes, renders.',
  '  breakdown "steps alone": the same steps with the same sources (src/reader/extract.ts and sanitize.ts, esbuild IIFE) run one after',
  '    the other in a fresh tab without the extension, no messaging or frame load: outerHTML; DOMParser + extractArticle (vs the bare',
  "    reader's cloneNode + Readability parse); sanitizeArticleFragment (vs DOMPurify.sanitize, default config).",
];

function readerRows(path: string, entry: ReaderSummary): string[][] {
  return [
    comparedRow(`${path}: reader painted`, entry.painted),
    comparedRow('  vs parse + sanitize alone', entry.paintedVsCompute),
    comparedRow('  painted in the stored look (applied)', entry.lookPainted),
    comparedRow('  t0 → iframe appended (snapshot handed over)', entry.frameInserted),
    comparedRow('  t0 → command reply in the extension page', entry.reply),
    comparedRow('  t0 → reader document navigation start', entry.readerStart),
    comparedRow('  t0 → reader DOMContentLoaded', entry.readerDomContentLoaded),
    comparedRow('  t0 → #article visible (fetched, extracted, sanitized)', entry.visible),
    comparedRow('  steps alone: snapshot (outerHTML)', entry.snapshot),
    comparedRow('  steps alone: DOMParser + extractArticle vs Readability', entry.extract),
    comparedRow('  steps alone: sanitize', entry.sanitize),
    comparedRow('  steps alone: total vs parse + sanitize', entry.steps),
  ];
}

/** What was handed over and extracted on each page, beside Readability's text. */
function extractedLines(readingMode: ReadingModeResult): string[] {
  return (
    [
      [METI, readingMode.meti],
      [LARGE, readingMode.large],
    ] as const
  ).map(
    ([path, entry]) =>
      `  ${path}: snapshot handed to the background ${formatBytes(entry.snapshotBytes)}; extractArticle → ${entry.extractKind},` +
      ` ${formatCount(entry.extractTextLength)} characters; Readability's textContent: ${formatCount(entry.readabilityTextLength)} characters.`,
  );
}

/** When the stored look was applied: after the first frame at 100%, and the first frame's size at 150%. */
function lookLines({ meti, large, lookCheckAt150 }: ReadingModeResult): string[] {
  return [
    `  stored look applied only after the first frame with the article was rendered: ${METI} ${meti.lookAfterFirstFrame}/` +
      `${meti.runs} runs, ${LARGE} ${large.lookAfterFirstFrame}/${large.runs} runs` +
      ' (at 100% and default look nothing visible changes then).',
    `  with the text size at 150% (${lookCheckAt150.length} runs on ${METI}, not timed): #article font size in the first` +
      ` frame with the article ${lookCheckAt150.map((run) => `${run.firstFontSize} px`).join(', ')};` +
      ` once settled ${lookCheckAt150.map((run) => `${run.finalFontSize} px`).join(', ')}.`,
  ];
}

export function readingModeReport(readingMode: ReadingModeResult): string[] {
  const metiPainted = readingMode.meti.painted.ours;
  return [
    '',
    '7. Reading mode: from the command to the reader painted (EasyRead vs a bare Readability + DOMPurify reader)',
    ...METHOD,
    table(
      ['measure', 'EasyRead (median, min–max)', 'bare reader (median, min–max)', 'ratio', 'target', ''],
      [...readerRows(METI, readingMode.meti), ...readerRows(LARGE, readingMode.large)],
    ),
    `  absolute: ${METI} reader painted ${formatMs(metiPainted)}, target ≤ ${readingMode.metiAbsoluteTargetMs} ms: ` +
      met(metiPainted.median <= readingMode.metiAbsoluteTargetMs),
    ...extractedLines(readingMode),
    ...lookLines(readingMode),
  ];
}
