/**
 * Golden files: the reader's extraction of each fixture, compared exactly with what is stored. A difference is a
 * change in what the reader shows: if it is intended, run `npm run golden` and review the diff before committing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTION_FIXTURES, GOLDEN_DIR, goldenFiles } from '../support/extraction-fixtures';

const stored = (file: string) => readFileSync(new URL(file, GOLDEN_DIR), 'utf8');

describe('extraction golden files (npm run golden rewrites them)', () => {
  it.each(EXTRACTION_FIXTURES)('%s', (name) => {
    const { html, json } = goldenFiles(name);
    expect(json, `${name}.json differs: run npm run golden and review the diff`).toBe(stored(`${name}.json`));
    expect(html, `${name}.html differs: run npm run golden and review the diff`).toBe(stored(`${name}.html`));
  });
});
