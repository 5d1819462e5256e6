/**
 * EasyRead's own pages with the browser's default font size at 32 px
 * (issue 11): their text follows it (rem, not px), and reading mode's 100% is
 * never smaller than the page it replaces. Shared by both browsers' tests.
 */
import { evaluateIn, type ScriptTarget } from './page-checks';

export const LARGE_DEFAULT_FONT = 32;

/** The computed body text size and the smallest text size among the page's controls and labels. */
export function ownPageTextSizes(page: ScriptTarget): Promise<{ body: number; smallest: number }> {
  return evaluateIn(
    page,
    () => {
      const size = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
      const visible = [...document.querySelectorAll('button, select, label, legend, p, h1, h2')].filter(
        (element) => element.getBoundingClientRect().height > 0 && (element.textContent ?? '').trim() !== '',
      );
      return { body: size(document.body), smallest: Math.min(...visible.map(size)) };
    },
    undefined,
  );
}
