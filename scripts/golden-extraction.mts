/**
 * `npm run golden`: rewrites tests/fixtures/extraction/golden/ from the current extraction code. Review the diff
 * (`git diff tests/fixtures/extraction/golden`) before committing it: every change there is a change in what the
 * reader shows on that page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { EXTRACTION_FIXTURES, GOLDEN_DIR, goldenFiles } from '../tests/support/extraction-fixtures.ts';

await mkdir(GOLDEN_DIR, { recursive: true });
for (const name of EXTRACTION_FIXTURES) {
  const { html, json } = goldenFiles(name);
  await writeFile(new URL(`${name}.html`, GOLDEN_DIR), html);
  await writeFile(new URL(`${name}.json`, GOLDEN_DIR), json);
  console.log(`wrote golden/${name}.html and golden/${name}.json`);
}
console.log('Review: git diff tests/fixtures/extraction/golden');
