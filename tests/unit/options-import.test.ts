/**
 * The options page's settings file: what export writes, and how import
 * validates a file before anything is written. Messages are checked in the
 * real English (and Japanese) wording, with the browser's placeholder rules.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../src/options/fields';
import { describeDropped, describeImported, describeProblem, describeRejection, formatBytes } from '../../src/options/import-messages';
import {
  buildSettingsFile,
  checkFileSize,
  type ImportProblem,
  type ImportResult,
  looksTruncated,
  MAX_SETTINGS_FILE_BYTES,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
  SETTINGS_FILE_VERSION,
} from '../../src/options/settings-file';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage's substitution rules, over the real message files. */
function translator(lang: 'en' | 'ja'): Translate {
  const messages = JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Messages;
  return (key, substitutions) => {
    // Message names are case-insensitive in browsers ('fontOpendyslexic' finds 'fontOpenDyslexic').
    const entry = messages[key] ?? Object.entries(messages).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
    if (!entry) throw new Error(`missing message ${key} (${lang})`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toUpperCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => values[Number(index) - 1] ?? '');
    });
  };
}

const en = translator('en');
const ja = translator('ja');

const validFile = () => ({
  format: SETTINGS_FILE_FORMAT,
  version: SETTINGS_FILE_VERSION,
  exportedAt: '2025-04-01T09:00:00.000Z',
  preferences: { version: 1, textScale: 150, readerTheme: 'dark', readerImages: false },
  sites: {
    'https://www.meti.go.jp': { textScale: 200 },
    'http://127.0.0.1:8080': { readerFont: 'ud', speechRate: 1.2 },
  },
});

function rejected(result: ImportResult): ImportProblem[] {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.problems;
}

function accepted(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${describeRejection(result.problems, result.more, en).join(' / ')}`);
  return result.plan;
}

/** The one message a rejected text gets, in English. */
function rejectionOf(text: string): string {
  const result = parseSettingsFile(text);
  const problems = rejected(result);
  return describeRejection(problems, result.ok ? 0 : result.more, en).join('\n');
}

describe('a valid settings file', () => {
  it('gives the fields to write for all sites and for each site', () => {
    const plan = accepted(parseSettingsFile(JSON.stringify(validFile())));
    expect(plan.global).toEqual({ textScale: 150, readerTheme: 'dark', readerImages: false });
    expect(plan.sites).toEqual([
      ['http://127.0.0.1:8080', { readerFont: 'ud', speechRate: 1.2 }],
      ['https://www.meti.go.jp', { textScale: 200 }],
    ]);
    expect(plan.dropped).toEqual([]);
    expect(describeImported(plan, en)).toBe('Imported the settings for all sites and 2 sites.');
  });

  it('says how many sites were imported, in the right number', () => {
    const sites = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`https://site${i}.example`, { textScale: 125 }]));
    const plan = accepted(parseSettingsFile(JSON.stringify({ ...validFile(), sites })));
    expect(describeImported(plan, en)).toBe('Imported the settings for all sites and 12 sites.');
    expect(describeImported(plan, ja)).toBe('共通の設定と 12 サイトの設定を読み込みました。');
    expect(describeImported(accepted(parseSettingsFile(JSON.stringify({ ...validFile(), sites: {} }))), en)).toBe(
      'Imported the settings for all sites.',
    );
    const one = { ...validFile(), sites: { 'https://a.example': {} } };
    expect(describeImported(accepted(parseSettingsFile(JSON.stringify(one))), en)).toBe('Imported the settings for all sites and 1 site.');
  });

  it('repairs field by field and reports every value it left out', () => {
    const file = validFile();
    file.preferences = { version: 1, textScale: 5000, readerTheme: 'neon', readerImages: false, fontColour: 'red' } as never;
    (file.sites as Record<string, unknown>)['https://www.meti.go.jp'] = { textScale: 200, readerLineHeight: 9 };
    const plan = accepted(parseSettingsFile(JSON.stringify(file)));
    expect(plan.global).toEqual({ readerImages: false });
    expect(plan.sites[1]).toEqual(['https://www.meti.go.jp', { textScale: 200 }]);
    const dropped = plan.dropped.map((value) => describeDropped(value, en));
    expect(dropped).toEqual([
      'All sites: “Text size” (textScale) cannot be 5000',
      'All sites: “Colours” (readerTheme) cannot be "neon"',
      'All sites: “fontColour” is not a setting this version of EasyRead knows',
      'https://www.meti.go.jp: “Line height” (readerLineHeight) cannot be 9',
    ]);
  });

  it('snaps an off-ladder size to the nearest step, as the schema does', () => {
    const file = { ...validFile(), preferences: { textScale: 160 } };
    expect(accepted(parseSettingsFile(JSON.stringify(file))).global).toEqual({ textScale: 150 });
  });

  it('migrates settings saved by the first version (a ratio under fontScale)', () => {
    const file = { ...validFile(), preferences: { fontScale: 1.5 } };
    const plan = accepted(parseSettingsFile(JSON.stringify(file)));
    expect(plan.global).toEqual({ textScale: 150 });
    expect(plan.dropped).toEqual([]);
  });

  it('accepts a byte-order mark and an empty preferences object', () => {
    const file = { ...validFile(), preferences: {} };
    expect(accepted(parseSettingsFile(`\uFEFF${JSON.stringify(file)}`)).global).toEqual({});
  });
});

describe('export', () => {
  it('writes the stored objects as they are, and its output imports unchanged', () => {
    const global = { version: 1, textScale: 175, readerTheme: 'sepia', futureField: [1, 2] };
    const sites = { 'https://www.meti.go.jp': { textScale: 200 }, 'http://localhost:3000': {} };
    const file = buildSettingsFile(global, sites, new Date('2025-04-01T09:00:00Z'));
    expect(file).toEqual({
      format: 'easyread-settings',
      version: 1,
      exportedAt: '2025-04-01T09:00:00.000Z',
      preferences: global,
      sites: { 'http://localhost:3000': {}, 'https://www.meti.go.jp': { textScale: 200 } },
    });
    const plan = accepted(parseSettingsFile(JSON.stringify(file, null, 2)));
    expect(plan.global).toEqual({ textScale: 175, readerTheme: 'sepia' });
    expect(plan.sites).toEqual([
      ['http://localhost:3000', {}],
      ['https://www.meti.go.jp', { textScale: 200 }],
    ]);
  });

  it('leaves out what could never be imported (damaged storage)', () => {
    const file = buildSettingsFile(
      '{"textScale":',
      { 'not an origin': {}, 'https://a.example': 'x', 'https://b.example': { textScale: 'big', readerVertical: true } },
      new Date(0),
    );
    expect(file.preferences).toEqual({});
    expect(file.sites).toEqual({ 'https://b.example': { readerVertical: true } });
    expect(parseSettingsFile(JSON.stringify(file)).ok).toBe(true);
  });
});

describe('files that are rejected, with a specific reason', () => {
  it('too large: checked from the size before reading, and again on the text (a 5 MB string)', () => {
    const fiveMb = 5 * 1024 * 1024;
    expect(checkFileSize(fiveMb)).toEqual({ kind: 'too-large', bytes: fiveMb, limit: MAX_SETTINGS_FILE_BYTES });
    expect(checkFileSize(MAX_SETTINGS_FILE_BYTES)).toBeUndefined();
    expect(describeProblem(checkFileSize(fiveMb) as ImportProblem, en)).toBe(
      'The file is 5 MB, but a settings file can be at most 1 MB. Choose a file exported by EasyRead.',
    );

    const padded = JSON.stringify({ ...validFile(), padding: 'x'.repeat(fiveMb) });
    const problems = rejected(parseSettingsFile(padded));
    expect(problems).toEqual([{ kind: 'too-large', bytes: padded.length, limit: MAX_SETTINGS_FILE_BYTES }]);
    // The size is checked before the text is parsed (how long that takes is for `npm run bench`, not a test):
    // a large text that is not even JSON gets the size problem, not a syntax one.
    const notJson = `{${'x'.repeat(fiveMb)}`;
    expect(rejected(parseSettingsFile(notJson))).toEqual([{ kind: 'too-large', bytes: notJson.length, limit: MAX_SETTINGS_FILE_BYTES }]);
    expect(rejected(parseSettingsFile('{x'))[0].kind).not.toBe('too-large');
    expect(describeProblem(problems[0], en)).toContain('at most 1 MB');
    expect(describeProblem(problems[0], ja)).toContain('1 MB まで');
  });

  it('too large counts bytes, not characters (Japanese text is three bytes a character)', () => {
    const text = JSON.stringify({ ...validFile(), note: 'あ'.repeat(400_000) });
    expect(text.length).toBeLessThan(MAX_SETTINGS_FILE_BYTES);
    expect(rejected(parseSettingsFile(text))[0]).toMatchObject({ kind: 'too-large' });
  });

  it('truncated JSON: says the file is cut off, wherever it stops', () => {
    const text = JSON.stringify(validFile(), null, 2);
    for (const cut of [1, 20, Math.floor(text.length / 2), text.length - 1]) {
      expect(rejected(parseSettingsFile(text.slice(0, cut))), `cut at ${cut}`).toEqual([{ kind: 'truncated' }]);
    }
    expect(rejectionOf(text.slice(0, 100))).toContain('The file is incomplete: its JSON stops before the end');
  });

  it('not JSON at all: says so, with where the problem is when the browser tells', () => {
    expect(rejected(parseSettingsFile('format=easyread-settings'))[0]).toMatchObject({ kind: 'not-json' });
    const problems = rejected(parseSettingsFile('{\n  "format": "easyread-settings",\n  \'version\': 1\n}'));
    expect(problems).toEqual([{ kind: 'not-json', line: 3, column: 3 }]);
    expect(describeProblem(problems[0], en)).toBe('The file is not valid JSON (the problem is near line 3, column 3).');
    expect(describeProblem({ kind: 'not-json' }, en)).toBe('The file is not valid JSON.');
    expect(rejectionOf('{"a": 1}}')).toContain('not valid JSON');
  });

  it('an empty file', () => {
    expect(rejectionOf('  \n')).toContain('The file is empty.');
  });

  it('JSON that is not an object', () => {
    expect(rejectionOf('[1, 2]')).toContain('it holds a list instead of a group of settings');
    expect(rejectionOf('"easyread-settings"')).toContain('holds text');
  });

  it('a wrong or missing "format"', () => {
    const { format: _format, ...withoutFormat } = validFile();
    expect(rejectionOf(JSON.stringify(withoutFormat))).toContain('it has no “format”: “easyread-settings”');
    expect(rejectionOf(JSON.stringify({ ...validFile(), format: 'other-app' }))).toContain(
      'its “format” is "other-app", not “easyread-settings”',
    );
  });

  it('an unknown future version: says which, and that EasyRead needs updating', () => {
    const problems = rejected(parseSettingsFile(JSON.stringify({ ...validFile(), version: 2, preferences: 'new shape' })));
    expect(problems).toEqual([{ kind: 'future-version', found: 2, supported: 1 }]);
    expect(describeProblem(problems[0], en)).toBe(
      'This file was made by a newer version of EasyRead (settings file version 2). This version of EasyRead reads settings files up to version 1. Update EasyRead, then import the file again.',
    );
    expect(describeProblem(problems[0], ja)).toContain('EasyRead を更新してから');
  });

  it('a missing or malformed version', () => {
    const { version: _version, ...withoutVersion } = validFile();
    expect(rejectionOf(JSON.stringify(withoutVersion))).toContain('has no “version”');
    for (const version of ['1', 1.5, 0, -1, null]) {
      expect(rejectionOf(JSON.stringify({ ...validFile(), version }))).toContain('must be a whole number such as 1');
    }
  });

  it('settings saved by a newer EasyRead inside the file', () => {
    const file = { ...validFile(), preferences: { version: 7, textScale: 150 } };
    expect(rejectionOf(JSON.stringify(file))).toContain(
      'In the settings for all sites, the settings were saved by a newer version of EasyRead (settings version 7',
    );
  });

  it('wrong types: names the field, the site, what it must be and what it is', () => {
    const file = validFile() as Record<string, unknown>;
    file.preferences = { textScale: 'big', readerImages: 'yes', speechVoice: null };
    file.sites = { 'https://www.meti.go.jp': { readerVertical: 1 } };
    const lines = rejectionOf(JSON.stringify(file)).split('\n');
    expect(lines).toEqual([
      'In the settings for all sites, “Text size” (textScale) must be a number, but the file has text ("big").',
      'In the settings for all sites, “Show images” (readerImages) must be true or false, but the file has text ("yes").',
      'In the settings for all sites, “Voice” (speechVoice) must be text, but the file has empty (null).',
      'In the settings for https://www.meti.go.jp, “Vertical writing (縦書き)” (readerVertical) must be true or false, but the file has a number (1).',
    ]);
    const japanese = describeRejection(rejected(parseSettingsFile(JSON.stringify(file))), 0, ja);
    expect(japanese[0]).toBe(
      '共通の設定の「文字サイズ」（textScale）は数値でなければなりませんが、ファイルでは文字列 ("big")になっています。',
    );
  });

  it('wrong types of the parts of the file', () => {
    expect(rejectionOf(JSON.stringify({ ...validFile(), preferences: [150] }))).toContain(
      "The file's “preferences” must be a group of settings, but the file has a list ([150]).",
    );
    expect(rejectionOf(JSON.stringify({ ...validFile(), sites: 'none' }))).toContain(
      '“sites” must be a group of settings, but the file has text ("none")',
    );
    expect(rejectionOf(JSON.stringify({ ...validFile(), exportedAt: 20250401 }))).toContain('“exportedAt” must be text');
    const { sites: _sites, ...withoutSites } = validFile();
    expect(rejectionOf(JSON.stringify(withoutSites))).toContain('The file has no “sites” part.');
  });

  it('a site that is not an origin, or whose settings are not an object', () => {
    expect(rejectionOf(JSON.stringify({ ...validFile(), sites: { 'www.meti.go.jp': {} } }))).toContain(
      'In “sites”, "www.meti.go.jp" is not a web site address such as https://example.com.',
    );
    for (const origin of ['https://www.meti.go.jp/press/', 'file:///home/me', 'chrome://settings']) {
      expect(rejected(parseSettingsFile(JSON.stringify({ ...validFile(), sites: { [origin]: {} } })))[0]).toMatchObject({
        kind: 'bad-origin',
      });
    }
    expect(rejectionOf(JSON.stringify({ ...validFile(), sites: { 'https://a.example': 150 } }))).toContain(
      'In “sites”, the settings for https://a.example must be a group of settings, but the file has a number (150).',
    );
  });

  it('lists at most ten reasons and counts the rest', () => {
    const sites = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`https://s${i}.example`, { textScale: 'big' }]));
    const result = parseSettingsFile(JSON.stringify({ ...validFile(), sites }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(10);
    expect(result.more).toBe(4);
    expect(describeRejection(result.problems, result.more, en).at(-1)).toBe('…and 4 more problems.');
  });
});

describe('messages', () => {
  const everyProblem: ImportProblem[] = [
    { kind: 'too-large', bytes: 5 * 1024 * 1024, limit: MAX_SETTINGS_FILE_BYTES },
    { kind: 'empty' },
    { kind: 'truncated' },
    { kind: 'not-json' },
    { kind: 'not-json', line: 2, column: 4 },
    { kind: 'not-an-object', found: 'array' },
    { kind: 'missing-format' },
    { kind: 'wrong-format', found: '"x"' },
    { kind: 'missing-version' },
    { kind: 'bad-version', found: '"1"' },
    { kind: 'future-version', found: 3, supported: 1 },
    { kind: 'missing-section', section: 'preferences' },
    { kind: 'section-type', section: 'sites', expected: 'object', found: 'array', value: '[]' },
    { kind: 'bad-origin', origin: '"x"' },
    { kind: 'site-type', origin: 'https://a.example', found: 'null', value: 'null' },
    {
      kind: 'field-type',
      where: { origin: 'https://a.example' },
      field: 'speechRate',
      expected: 'number',
      found: 'boolean',
      value: 'true',
    },
    { kind: 'future-preferences', where: {}, found: 2, supported: 1 },
  ];

  it.each(['en', 'ja'] as const)('every rejection reads as a full sentence with nothing left unfilled (%s)', (lang) => {
    const t = translator(lang);
    for (const problem of everyProblem) {
      const message = describeProblem(problem, t);
      expect(message, problem.kind).not.toMatch(/\$|options[A-Z]/);
      expect(message.length, problem.kind).toBeGreaterThan(5);
    }
  });

  it('sizes in plain units', () => {
    expect(formatBytes(MAX_SETTINGS_FILE_BYTES)).toBe('1 MB');
    expect(formatBytes(5.25 * 1024 * 1024)).toBe('5.3 MB');
    expect(formatBytes(2000)).toBe('2 kB');
  });

  it('sees a cut-off file, and not a merely malformed one, as truncated', () => {
    expect(looksTruncated('{"a": "b')).toBe(true);
    expect(looksTruncated('{"a": ["b", {"c": 1}')).toBe(true);
    expect(looksTruncated('{"a": "}"')).toBe(true);
    expect(looksTruncated('{"a": "\\"}')).toBe(true);
    expect(looksTruncated('{"a": 1}}')).toBe(false);
    expect(looksTruncated('{"a": nope}')).toBe(false);
  });
});
