/**
 * Links in the reader lead where they lead on the page, in the top window (so
 * following one leaves reading mode), or in a new tab with the usual modifier
 * keys or the middle button. The reader's own frame never navigates: a
 * "#section" link scrolls the reader to that section.
 */
const IN_READER = 'a[href^="#"]';

/** Every outgoing link opens in the top window (modifier keys and the middle button still give a new tab). */
export function openLinksInTopWindow(root: ParentNode): void {
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]'))) {
    if (!link.matches(IN_READER)) link.target = '_top';
  }
}

/** "#…" links scroll within the reader and move the keyboard focus there; they never open a tab of the reader page itself. */
export function followInReaderLinks(root: HTMLElement): void {
  const handle = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.(IN_READER);
    if (!link || !root.contains(link)) return;
    event.preventDefault();
    if (event.type !== 'click' || event.button !== 0) return;
    const target = document.getElementById(fragmentOf(link.getAttribute('href') ?? ''));
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start', inline: 'start' });
    target.focus({ preventScroll: true });
  };
  root.addEventListener('click', handle);
  root.addEventListener('auxclick', handle);
}

function fragmentOf(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}
