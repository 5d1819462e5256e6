/**
 * The options page's strings: every key its code and HTML use exists in
 * English and Japanese (project-rules.test.ts sees only literal t('…') calls;
 * this also covers keys kept in maps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const locale = (lang: string) =>
  JSON.parse(readFileSync(join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

function optionsKeys(): Set<string> {
  const keys = new Set<string>();
  for (const entry of readdirSync(join(root, 'src/options'), { withFileTypes: true })) {
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/'(options[A-Z][A-Za-z]+)'/g)) keys.add(match[1]);
    for (const match of text.matchAll(/data-i18n="([A-Za-z]+)"/g)) keys.add(match[1]);
    for (const match of text.matchAll(/\bt\('([A-Za-z]+)'/g)) keys.add(match[1]);
    // Label keys kept in a map: { textScale: 'textSizeHeading', … }
    for (const match of text.matchAll(/^\s+[a-zA-Z]+: '((?:reader|textSize|scope)[A-Za-z]+)',$/gm)) keys.add(match[1]);
  }
  return keys;
}

describe('options page translations', () => {
  const en = locale('en');
  const ja = locale('ja');
  const keys = optionsKeys();

  it('finds the keys it checks', () => {
    expect(keys.size).toBeGreaterThan(80);
    expect(keys).toContain('optionsImportFieldType');
    expect(keys).toContain('readerRate');
  });

  it('every key exists in English and Japanese, translated', () => {
    for (const key of keys) {
      expect(en[key]?.message, `en: ${key}`).toBeTruthy();
      expect(ja[key]?.message, `ja: ${key}`).toBeTruthy();
    }
  });

  it('every options key in the message files is used', () => {
    const unused = Object.keys(en).filter((key) => key.startsWith('options') && !keys.has(key));
    expect(unused).toEqual([]);
  });
});
