/**
 * Reader keys: Esc closes, + and - change the text size, R starts or stops
 * read aloud; Tab stays inside the reader (it is modal) instead of leaving
 * the frame for the page behind it.
 */
export interface ReaderKeys {
  close(): void;
  larger(): void;
  smaller(): void;
  toggleSpeech(): void;
}

const TYPING = 'input, select, textarea, [contenteditable]';
const FOCUSABLE = 'a[href], button:not([disabled]), select, input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function visibleFocusables(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}

function trapTab(event: KeyboardEvent): void {
  const focusables = visibleFocusables();
  if (focusables.length === 0) return;
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !document.body.contains(active) || active === document.body)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

export function listenForKeys(keys: ReaderKeys): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      keys.close();
      return;
    }
    if (event.key === 'Tab') {
      trapTab(event);
      return;
    }
    if ((event.target as Element | null)?.closest?.(TYPING)) return;
    if (event.key === '+' || event.key === '=') keys.larger();
    else if (event.key === '-' || event.key === '_') keys.smaller();
    else if (event.key === 'r' || event.key === 'R') keys.toggleSpeech();
    else return;
    event.preventDefault();
  });
}
