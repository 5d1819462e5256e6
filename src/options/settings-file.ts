/**
 * Pure: the settings file EasyRead exports, and the checks an imported file
 * must pass before anything is written. A file is either valid as a whole
 * (then each field is repaired with the preferences schema and every value
 * left out is reported) or rejected with the specific reasons; nothing in
 * between, so a bad file can never half-apply.
 */
import { migrateToCurrent } from '../shared/preferences/migrations';
import { PREFERENCES_VERSION, repairSitePreferences, type SitePreferences } from '../shared/preferences/schema';
import { expectedType, FIELD_NAMES, type FieldName, isFieldName } from './fields';

export const SETTINGS_FILE_FORMAT = 'easyread-settings';
/** The newest settings file version this build reads (and the one it writes). */
export const SETTINGS_FILE_VERSION = 1;
/** Settings for hundreds of sites take a few dozen kB; anything near this is not an EasyRead export. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;
/** More than this many reasons helps nobody; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 10;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  exportedAt: string;
  preferences: Record<string, unknown>;
  sites: Record<string, Record<string, unknown>>;
}

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** Where in the file: the settings for all sites, or one site's. */
export type Where = { origin?: undefined } | { origin: string };

export type ImportProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'empty' }
  | { kind: 'truncated' }
  | { kind: 'not-json'; line?: number; column?: number }
  | { kind: 'not-an-object'; found: JsonType }
  | { kind: 'missing-format' }
  | { kind: 'wrong-format'; found: string }
  | { kind: 'missing-version' }
  | { kind: 'bad-version'; found: string }
  | { kind: 'future-version'; found: number; supported: number }
  | { kind: 'missing-section'; section: 'preferences' | 'sites' }
  | { kind: 'section-type'; section: 'preferences' | 'sites' | 'exportedAt'; expected: JsonType; found: JsonType; value: string }
  | { kind: 'bad-origin'; origin: string }
  | { kind: 'site-type'; origin: string; found: JsonType; value: string }
  | { kind: 'field-type'; where: Where; field: FieldName | 'version'; expected: JsonType; found: JsonType; value: string }
  | { kind: 'future-preferences'; where: Where; found: number; supported: number };

export interface DroppedValue {
  where: Where;
  field: string;
  /** The value as the file has it, shortened for display. */
  value: string;
  /** invalid: a known setting with a value the schema refuses; unknown: not a setting this version has. */
  reason: 'invalid' | 'unknown';
}

export interface ImportPlan {
  /** The valid fields for all sites; fields the file does not set follow the defaults. */
  global: SitePreferences;
  /** Each site's valid fields, sorted by origin. */
  sites: [origin: string, preferences: SitePreferences][];
  dropped: DroppedValue[];
}

export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; problems: ImportProblem[]; more: number };

// ---------------------------------------------------------------------------
// Export

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
}

/** A value as the user would recognise it in the file: `"big"`, `5000`, `[1,2]` (at most 60 characters). */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Only http(s) origins exactly as `new URL(...).origin` writes them, as the preferences store keys them. */
export function isSiteOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
  } catch {
    return false;
  }
}

/** Known fields of the wrong JSON type would make the file fail its own import; they are broken anyway. */
function withoutMistypedFields(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).filter(([field, value]) => {
      if (field === 'version') return typeof value === 'number';
      return !isFieldName(field) || typeof value === expectedType(field);
    }),
  );
}

/**
 * The file for "Export": the stored objects as they are (unknown fields from a
 * newer version included), minus entries that could never be imported.
 */
export function buildSettingsFile(globalRaw: unknown, sitesRaw: Record<string, unknown>, now: Date): SettingsFile {
  const sites: Record<string, Record<string, unknown>> = {};
  for (const origin of Object.keys(sitesRaw).sort()) {
    const raw = sitesRaw[origin];
    if (isSiteOrigin(origin) && isPlainObject(raw)) sites[origin] = withoutMistypedFields(raw);
  }
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    preferences: isPlainObject(globalRaw) ? withoutMistypedFields(globalRaw) : {},
    sites,
  };
}

export function settingsFileName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `easyread-settings-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

// ---------------------------------------------------------------------------
// Import

/** Checked before the file is read at all, from the size the browser reports. */
export function checkFileSize(bytes: number): ImportProblem | undefined {
  return bytes > MAX_SETTINGS_FILE_BYTES ? { kind: 'too-large', bytes, limit: MAX_SETTINGS_FILE_BYTES } : undefined;
}

function utf8Length(text: string): number {
  // Every character takes at least one byte and at most three (four per surrogate pair).
  if (text.length > MAX_SETTINGS_FILE_BYTES) return text.length;
  if (text.length * 3 <= MAX_SETTINGS_FILE_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

/**
 * True when the text stops inside a string or with brackets still open: the
 * file was cut off (an interrupted download or copy), not malformed.
 */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

/** Where JSON.parse stopped, from its message (V8 says "position N", Firefox "line L column C"). */
function errorPosition(text: string, error: unknown): { line?: number; column?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (!position) return {};
  const before = text.slice(0, Number(position[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function readVersion(raw: Record<string, unknown>): number {
  const version = raw.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

/** Type checks for one preferences object: a wrong JSON type means a damaged file, so it rejects the file. */
function checkPreferencesObject(raw: Record<string, unknown>, where: Where, problems: ImportProblem[]): void {
  if ('version' in raw) {
    const version = raw.version;
    if (typeof version !== 'number') {
      problems.push({
        kind: 'field-type',
        where,
        field: 'version',
        expected: 'number',
        found: jsonType(version),
        value: showValue(version),
      });
    } else if (version > PREFERENCES_VERSION) {
      problems.push({ kind: 'future-preferences', where, found: version, supported: PREFERENCES_VERSION });
    }
  }
  for (const field of FIELD_NAMES) {
    if (!(field in raw)) continue;
    const value = raw[field];
    const expected = expectedType(field);
    if (typeof value !== expected) {
      problems.push({ kind: 'field-type', where, field, expected, found: jsonType(value), value: showValue(value) });
    }
  }
}

/**
 * Repairs one preferences object with the schema, keeping only the fields
 * the file sets (the ones it does not set follow the defaults), and lists
 * what was left out.
 */
function repairSection(raw: Record<string, unknown>, where: Where, dropped: DroppedValue[]): SitePreferences {
  const migrated = migrateToCurrent(raw, readVersion(raw), PREFERENCES_VERSION);
  const { value } = repairSitePreferences(raw);
  for (const [field, fieldValue] of Object.entries(migrated)) {
    if (field === 'version' || fieldValue === undefined) continue;
    if (!isFieldName(field)) dropped.push({ where, field, value: showValue(fieldValue), reason: 'unknown' });
    else if (!(field in value)) dropped.push({ where, field, value: showValue(fieldValue), reason: 'invalid' });
  }
  return value;
}

function reject(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS), more: Math.max(0, problems.length - MAX_REPORTED_PROBLEMS) };
}

/** Validates a whole settings file; only a fully valid file gives a plan to write. */
export function parseSettingsFile(text: string): ImportResult {
  const bytes = utf8Length(text);
  if (bytes > MAX_SETTINGS_FILE_BYTES) return reject([{ kind: 'too-large', bytes, limit: MAX_SETTINGS_FILE_BYTES }]);
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return reject([{ kind: 'empty' }]);

  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    return reject([looksTruncated(source) ? { kind: 'truncated' } : { kind: 'not-json', ...errorPosition(source, error) }]);
  }

  if (!isPlainObject(data)) return reject([{ kind: 'not-an-object', found: jsonType(data) }]);
  if (!('format' in data)) return reject([{ kind: 'missing-format' }]);
  if (data.format !== SETTINGS_FILE_FORMAT) return reject([{ kind: 'wrong-format', found: showValue(data.format) }]);
  if (!('version' in data)) return reject([{ kind: 'missing-version' }]);
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return reject([{ kind: 'bad-version', found: showValue(version) }]);
  }
  // A newer file may be shaped differently: say so rather than guess at its contents.
  if (version > SETTINGS_FILE_VERSION) return reject([{ kind: 'future-version', found: version, supported: SETTINGS_FILE_VERSION }]);

  const problems: ImportProblem[] = [];
  if ('exportedAt' in data && typeof data.exportedAt !== 'string') {
    problems.push({
      kind: 'section-type',
      section: 'exportedAt',
      expected: 'string',
      found: jsonType(data.exportedAt),
      value: showValue(data.exportedAt),
    });
  }
  const { preferences, sites } = data;
  if (!('preferences' in data)) problems.push({ kind: 'missing-section', section: 'preferences' });
  else if (!isPlainObject(preferences)) {
    problems.push({
      kind: 'section-type',
      section: 'preferences',
      expected: 'object',
      found: jsonType(preferences),
      value: showValue(preferences),
    });
  } else checkPreferencesObject(preferences, {}, problems);

  if (!('sites' in data)) problems.push({ kind: 'missing-section', section: 'sites' });
  else if (!isPlainObject(sites)) {
    problems.push({ kind: 'section-type', section: 'sites', expected: 'object', found: jsonType(sites), value: showValue(sites) });
  } else {
    for (const [origin, site] of Object.entries(sites)) {
      if (!isSiteOrigin(origin)) problems.push({ kind: 'bad-origin', origin: showValue(origin) });
      else if (!isPlainObject(site)) problems.push({ kind: 'site-type', origin, found: jsonType(site), value: showValue(site) });
      else checkPreferencesObject(site, { origin }, problems);
    }
  }
  if (problems.length > 0) return reject(problems);

  // Valid: from here on nothing can fail; broken values are left out and reported.
  const dropped: DroppedValue[] = [];
  const global = repairSection(preferences as Record<string, unknown>, {}, dropped);
  const sitePlans: ImportPlan['sites'] = Object.keys(sites as Record<string, unknown>)
    .sort()
    .map((origin) => [origin, repairSection((sites as Record<string, Record<string, unknown>>)[origin], { origin }, dropped)]);
  return { ok: true, plan: { global, sites: sitePlans, dropped } };
}
