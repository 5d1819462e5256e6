/** Dates as pages write them: "December 15, 2017", "15 Dec. 2017", "2017-12-15", "2024年4月15日", "令和6年4月15日". */

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const WEEKDAY_JA = '(?:\\s*[(（][月火水木金土日](?:曜日?)?[)）])?';

const DATE_PATTERNS = [
  `${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}`,
  `${DAY}\\s+${MONTH}\\.?,?\\s+\\d{4}`,
  '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
  `(?:\\d{4}|(?:令和|平成|昭和)\\s*(?:\\d{1,2}|元))\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日${WEEKDAY_JA}`,
];

const DATE_ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${DATE_PATTERNS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
const DATE_ONLY = new RegExp(`^(?:${DATE_PATTERNS.join('|')})$`, 'iu');

/** NFKC turns full-width digits and brackets ("２０２４年４月１５日") into the forms the patterns expect. */
function normalize(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The first date in `text`, as written (after width normalisation), or null. */
export function findDate(text: string): string | null {
  return normalize(text).match(DATE_ANYWHERE)?.[0] ?? null;
}

/** True when the whole of `text` is one date, e.g. a "2024年4月15日" line above the title. */
export function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(normalize(text));
}

/** "2024-03-04T09:00:00+09:00" → "2024-03-04": machine-readable timestamps, shown as the date they name. */
export function dateFromTimestamp(value: string): string | null {
  const trimmed = value.trim();
  const iso = trimmed.match(/^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/);
  if (iso) return iso[1];
  return findDate(trimmed);
}
