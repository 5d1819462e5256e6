/**
 * CSS Custom Highlight API: marks text being read without touching the DOM
 * (no wrapper elements, so the page or article is never rewritten). Where
 * the API is missing, reading goes on without the highlight.
 */

type HighlightRegistry = Map<string, unknown>;
type HighlightConstructor = new (...ranges: Range[]) => unknown;

function registry(): HighlightRegistry | undefined {
  return (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
}

export function showHighlight(name: string, ...ranges: Range[]): void {
  const Highlight = (globalThis as unknown as { Highlight?: HighlightConstructor }).Highlight;
  const highlights = registry();
  if (highlights && Highlight) highlights.set(name, new Highlight(...ranges));
}

export function clearHighlight(name: string): void {
  registry()?.delete(name);
}
