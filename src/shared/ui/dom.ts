/** The small DOM helpers every extension page uses (popup, options, welcome, reader). */

/** The element with this id; pages are our own, so a missing id is a bug the first test shows. */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Says a message in the page's polite live region (#status). */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (!status) return;
  // Clearing first makes screen readers repeat an identical message (pressing "Larger" at 300%).
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}
