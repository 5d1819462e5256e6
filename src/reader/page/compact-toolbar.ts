/**
 * Narrow or short windows (320 × 256, a phone-sized window, 400% zoom): the
 * reader's toolbar is one compact row (WCAG 1.4.10), so the colours and font
 * lists move into "More settings", a panel that scrolls, and come back when
 * the window grows. Keep the query in step with the one in reader.css.
 */
export const COMPACT_QUERY = '(max-width: 40rem), (max-height: 30rem)';

export function keepToolbarCompact(): void {
  const query = window.matchMedia(COMPACT_QUERY);
  const panel = document.querySelector('.more-grid');
  const moving = ['theme', 'font'].map((id) => document.getElementById(id)?.closest('label')).filter((label) => label != null);
  if (!panel || moving.length === 0) return;
  const homes = moving.map((label) => ({ parent: label.parentElement, next: label.nextSibling }));
  const place = () => {
    if (query.matches) panel.prepend(...moving);
    else {
      for (const [i, label] of moving.entries()) homes[i].parent?.insertBefore(label, homes[i].next);
    }
  };
  query.addEventListener('change', place);
  place();
}
