/**
 * Stored settings and settings files (valid and damaged) for the options
 * page's end-to-end tests, the same in Chromium and Firefox.
 */

/** storage.sync as the preferences module writes it: settings for all sites and two sites with their own. */
export const SETTINGS = {
  preferences: { version: 1, textScale: 150, readerTheme: 'sepia', readerImages: false },
  'site:https://www.meti.go.jp': { textScale: 200, readerFont: 'ud' },
  'site:http://localhost:8080': { readerTheme: 'dark' },
};

const VALID = JSON.stringify(
  { format: 'easyread-settings', version: 1, exportedAt: '2025-04-01T00:00:00.000Z', preferences: { textScale: 300 }, sites: {} },
  null,
  2,
);

const FIVE_MB = Buffer.from(
  JSON.stringify({ format: 'easyread-settings', version: 1, preferences: {}, sites: {}, pad: 'x'.repeat(5 * 1024 * 1024) }),
);

/** [what is wrong, the file, what the page must say about it]: each file is refused as a whole. */
export const REJECTED_FILES: readonly (readonly [name: string, content: string | Buffer, message: string])[] = [
  ['truncated JSON', VALID.slice(0, 90), 'The file is incomplete: its JSON stops before the end'],
  [
    'wrong types',
    VALID.replace('"textScale": 300', '"textScale": "huge"'),
    'In the settings for all sites, “Text size” (textScale) must be a number, but the file has text ("huge").',
  ],
  [
    'a site that is not an object',
    VALID.replace('"sites": {}', '"sites": { "https://www.meti.go.jp": [200] }'),
    'In “sites”, the settings for https://www.meti.go.jp must be a group of settings, but the file has a list ([200]).',
  ],
  [
    'a future version',
    VALID.replace('"version": 1', '"version": 2'),
    'This file was made by a newer version of EasyRead (settings file version 2). This version of EasyRead reads settings files up to version 1. Update EasyRead, then import the file again.',
  ],
  ['another program’s file', VALID.replace('easyread-settings', 'other-settings'), 'its “format” is "other-settings"'],
  ['a 5 MB file', FIVE_MB, 'The file is 5 MB, but a settings file can be at most 1 MB.'],
];

/** Said above the reasons whenever a file is refused. */
export const NOTHING_IMPORTED = 'Nothing was imported; your settings are unchanged';

/** A file with values out of range: the rest is imported, and each value left out is listed. */
export function partlyValidFile(origin: string): string {
  return JSON.stringify({
    format: 'easyread-settings',
    version: 1,
    preferences: { textScale: 5000, readerTheme: 'dark' },
    sites: { [origin]: { readerTheme: 'neon', textScale: 175 } },
  });
}
