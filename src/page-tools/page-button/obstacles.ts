/**
 * Browser glue for placement.ts: the page's own controls the button must not
 * cover near its corner. Only controls pinned to the window (position fixed
 * or sticky: a "page top" button, a chat launcher, a sticky header's menu)
 * count, since content that scrolls past is there only for a moment; and the
 * focused text field, so the button never sits over what the user types.
 */
import { type Box, buttonBox, type Corner } from './placement';

const CONTROLS =
  'a[href], button, input, select, textarea, summary, iframe, [role="button"], [role="link"], [tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable="false"])';
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Spacing of the points probed along the edge (px): smaller than any control one can press. */
const PROBE_STEP = 8;

function isPinned(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    const { position } = getComputedStyle(current);
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

function toBox(element: Element): Box {
  const { left, top, width, height } = element.getBoundingClientRect();
  return { left, top, width, height };
}

export interface Obstacles {
  find(corner: Corner, size: { width: number; height: number }, viewport: { width: number; height: number }): Box[];
}

/** Calls onChange when the obstacles may have moved (resize, scroll settled, focus moved into or out of a field). */
export function watchObstacles(host: Element, onChange: () => void, signal: AbortSignal): Obstacles {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, 150);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));
  window.addEventListener('resize', later, { signal, passive: true });
  window.addEventListener('scroll', later, { signal, passive: true });
  document.addEventListener('focusin', later, { signal });
  document.addEventListener('focusout', later, { signal });

  return {
    find(corner, size, viewport) {
      // The strip the button could occupy: its column, from its corner to the middle of the window.
      const first = buttonBox(corner, size, viewport, 0);
      const found = new Set<Element>();
      const columns = [first.left + 2, first.left + first.width / 2, first.left + first.width - 2];
      for (let y = PROBE_STEP / 2; y < viewport.height / 2 + size.height; y += PROBE_STEP) {
        const top = corner.startsWith('top') ? first.top + y - PROBE_STEP / 2 : first.top + first.height - y;
        for (const x of columns) {
          const hit = document.elementsFromPoint(x, top).find((element) => element !== host);
          const control = hit?.closest(CONTROLS);
          if (control && !found.has(control) && isPinned(control)) found.add(control);
        }
      }
      const active = document.activeElement;
      if (active && active !== host && active.matches(EDITABLE)) found.add(active);
      return [...found].map(toBox);
    },
  };
}
