/**
 * Rules the project checks about itself: every user-facing string exists in
 * English and Japanese, every command is documented in the README, and every
 * live-page feature is registered, labelled in both languages and tested.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Feature } from '../../src/shared/features/feature';
import { FEATURE_FIELDS, FEATURES } from '../../src/shared/features/registry';
import { optionLabelKey } from '../../src/shared/option-label-key';
import { PRESET_NAMES } from '../../src/shared/presets';

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
    const properNames = new Set(['popupTitle', 'fontAtkinson', 'fontOpenDyslexic']);
    const untranslated = Object.keys(en).filter((key) => !properNames.has(key) && en[key].message === ja[key].message);
    expect(untranslated).toEqual([]);
  });

  it('English lives in _locales only: an element our HTML localizes has no text of its own there', () => {
    for (const file of sourceFiles('src').filter((path) => path.endsWith('.html'))) {
      const doubled = [...readFileSync(file, 'utf8').matchAll(/<(\w+)\b[^>]*\bdata-i18n="([A-Za-z]+)"[^>]*>([^<]*\S[^<]*)<\/\1>/g)];
      expect(
        doubled.map((match) => `${match[2]}: ${match[3].trim()}`),
        file,
      ).toEqual([]);
    }
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

describe('live-page features (src/features/)', () => {
  const en = locale('en');
  const ja = locale('ja');
  const files = readdirSync(join(root, 'src/features')).filter((name) => name.endsWith('.ts'));
  const tests = [...sourceFiles('tests/unit'), ...sourceFiles('tests/e2e'), ...sourceFiles('tests/support')]
    .filter((file) => !file.endsWith('project-rules.test.ts'))
    .map((file) => readFileSync(file, 'utf8'));

  const modules = import.meta.glob<{ feature?: Feature; presets?: Record<string, unknown> }>('../../src/features/*.ts', { eager: true });

  it('every module there is registered: it exports a feature (and its presets), with an order of its own', () => {
    expect(
      Object.keys(modules)
        .map((path) => basename(path))
        .sort(),
    ).toEqual(files.sort());
    for (const [path, { feature, presets }] of Object.entries(modules)) {
      expect(feature !== undefined && FEATURES.includes(feature), `${path} exports no registered feature`).toBe(true);
      expect(presets, `${path} exports no presets ({} for none)`).toBeDefined();
      expect(
        FEATURES.filter(({ order }) => order === feature?.order),
        `${path}: order ${feature?.order} is taken`,
      ).toHaveLength(1);
    }
  });

  it('every field has a label, and every choice a label, in English and Japanese', () => {
    for (const { name, field } of FEATURE_FIELDS) {
      const keys = [name, ...(field.popupLabel ? [field.popupLabel] : [])];
      for (const value of field.choices) if (typeof value === 'string') keys.push(optionLabelKey(name, value));
      for (const key of keys) {
        expect(en[key]?.message, `en: ${key}`).toBeTruthy();
        expect(ja[key]?.message, `ja: ${key}`).toBeTruthy();
      }
    }
  });

  it('every field name is new, and every default is one of its choices and passes its schema', () => {
    const names = FEATURE_FIELDS.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const { name, field } of FEATURE_FIELDS) {
      expect(field.choices, name).toContain(field.default);
      for (const value of field.choices) expect(v.safeParse(field.schema, value).success, `${name}: ${String(value)}`).toBe(true);
    }
  });

  it('every feature joins only presets that exist', () => {
    for (const [path, { presets }] of Object.entries(modules))
      for (const name of Object.keys(presets ?? {})) expect(PRESET_NAMES, path).toContain(name);
  });

  it('every feature has a test that imports its module', () => {
    for (const id of files.map((file) => file.replace(/\.ts$/, ''))) {
      const imported = new RegExp(`from '[./]*/src/features/${id}'`);
      expect(
        tests.some((text) => imported.test(text)),
        `no test imports src/features/${id}`,
      ).toBe(true);
    }
  });
});
