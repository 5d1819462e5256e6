/** The page's polite live region: confirmations that a change was saved. */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (!status) return;
  // Clearing first makes screen readers repeat an identical message (choosing the same size twice).
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
