/**
 * Rules the project checks about itself: every user-facing string exists in
 * English and Japanese, and every command is documented in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const locale = (lang: string) => JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\('([A-Za-z]+)'/g)) keys.add(match[1]);
    // Keys chosen from a map of messages, e.g. { pdf: 'unsupportedPdf' }.
    for (const match of text.matchAll(/:\s*'((?:unsupported|error|autoO|scope|readingMode)[A-Za-z]+)'/g)) keys.add(match[1]);
    if (!file.endsWith('.html')) continue;
    for (const match of text.matchAll(/data-i18n="([A-Za-z]+)"/g)) keys.add(match[1]);
    for (const match of text.matchAll(/data-i18n-attr="([^"]+)"/g)) {
      for (const pair of match[1].split(';')) keys.add(pair.split(':')[1].trim());
    }
  }
  for (const match of read('manifest.json').matchAll(/__MSG_([A-Za-z]+)__/g)) keys.add(match[1]);
  return keys;
}

describe('translations', () => {
  const en = locale('en');
  const ja = locale('ja');

  it('English and Japanese have the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('every string the code uses exists in both languages, and none is empty', () => {
    for (const key of usedKeys()) {
      expect(en[key]?.message, `en: ${key}`).toBeTruthy();
      expect(ja[key]?.message, `ja: ${key}`).toBeTruthy();
    }
  });

  it('Japanese strings are actually translated', () => {
    const properNames = new Set(['popupTitle', 'fontAtkinson', 'fontOpenDyslexic', 'pageButtonLabel']);
    const untranslated = Object.keys(en).filter((key) => !properNames.has(key) && en[key].message === ja[key].message);
    expect(untranslated).toEqual([]);
  });

  it('placeholders match between languages', () => {
    for (const key of Object.keys(en)) {
      const placeholders = (text: string) => [...text.matchAll(/\$[A-Z]+\$/g)].map((match) => match[0]).sort();
      expect(placeholders(ja[key].message), key).toEqual(placeholders(en[key].message));
    }
  });
});

describe('documentation', () => {
  it('the README lists every keyboard command', () => {
    const manifest = JSON.parse(read('manifest.json')) as { commands: Record<string, { suggested_key?: { default: string } }> };
    const readme = read('README.md');
    for (const [name, command] of Object.entries(manifest.commands)) {
      expect(readme, name).toContain(name);
      if (command.suggested_key) expect(readme, name).toContain(command.suggested_key.default);
    }
  });
});
