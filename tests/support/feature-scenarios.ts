/**
 * End-to-end scenarios of the live-page features, one file per feature in
 * tests/support/features/<id>.ts, each exporting `scenarios`; the thin files
 * tests/e2e/chromium/features.test.ts and tests/e2e/firefox/features.test.ts
 * run every one of them in their browser, so a feature's test is one file.
 */
import { expect } from 'vitest';
import type { LivePage, LivePageHarness } from './live-page-scenarios';
import { evaluateIn, type ScriptTarget } from './page-checks';

export type FeatureScenario = <P extends LivePage>(harness: LivePageHarness<P>) => Promise<void>;
export type FeatureScenarios = Record<string, FeatureScenario>;

/** Two frames later: whatever the page or we changed has been painted. */
export const painted = (page: ScriptTarget) =>
  evaluateIn(page, () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))), undefined);

/** Scrolls an element into the middle of the view at once (screenshots show the view only), and gives its box there. */
export function boxInView(page: ScriptTarget, selector: string): Promise<{ left: number; top: number; width: number; height: number }> {
  return evaluateIn(
    page,
    (sel) => {
      const element = document.querySelector(sel) as Element;
      element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const { left, top, width, height } = element.getBoundingClientRect();
      return { left, top, width, height };
    },
    selector,
  );
}

/** The centre of an element, in viewport pixels, scrolled into view. */
export async function centreOf(page: ScriptTarget, selector: string): Promise<[number, number]> {
  await boxInView(page, selector);
  const centre = await evaluateIn(
    page,
    (sel) => {
      const box = document.querySelector(sel)?.getBoundingClientRect();
      return box ? [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] : undefined;
    },
    selector,
  );
  expect(centre, selector).toBeDefined();
  return centre as [number, number];
}
