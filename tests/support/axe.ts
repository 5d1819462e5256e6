/**
 * axe-core run inside a page or frame of the real browser (a Playwright or a
 * Puppeteer one); returns "rule (count)" per violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { evaluateIn, type ScriptTarget } from './page-checks';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(target: ScriptTarget): Promise<string[]> {
  // Evaluated, not added as a <script>: extension pages' CSP allows no inline scripts.
  await target.evaluate(axeSource);
  return evaluateIn(
    target,
    async () => {
      const axe = (
        window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    },
    undefined,
  );
}
