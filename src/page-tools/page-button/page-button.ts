/**
 * The optional on-page button (issue 11): a small labelled button in a corner
 * of the page that opens a panel with the popup's daily actions, for people
 * who never find the toolbar icon. In a closed shadow root under a host named
 * from the per-page token (content/page-names.ts); fixed, so the page does not
 * move; hidden in print; in the browser's light or dark scheme. Esc closes the
 * panel and puts focus back on the button. remove() takes the host and every
 * listener away.
 */
import browser from 'webextension-polyfill';
import { hostName } from '../../content/page-names';
import { PAGE_BUTTON_CORNERS } from '../../features/page-button';
import { t } from '../../shared/i18n';
import type { CommandName, PageButtonPatch } from '../../shared/messages';
import { sendToBackground } from '../../shared/messaging';
import { optionLabelKey } from '../../shared/option-label-key';
import type { PagePreferences } from '../../shared/preferences/page-fields';
import { createShadowHost, createStyled, setStyles } from '../shadow-host';
import { cornerButtonStyles, createPainter, DARK, LIGHT } from './look';
import { watchObstacles } from './obstacles';
import { createPanel } from './panel';
import { type Corner, EDGE_GAP, isLeftCorner, isTopCorner, nextCorner, shiftPastObstacles } from './placement';

export interface PageButton {
  update(preferences: PagePreferences): void;
  remove(): void;
}

/** Between the button and its panel (px). */
const PANEL_GAP = 6;

const ERRORS = { 'unsupported-page': 'unsupportedBrowserPage', 'no-access': 'errorNoAccess', failed: 'errorFailed' } as const;

export function createPageButton(initial: PagePreferences): PageButton {
  const controller = new AbortController();
  const { signal } = controller;
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const print = matchMedia('print');
  const painter = createPainter(setStyles, dark.matches ? DARK : LIGHT);

  const { host, root } = createShadowHost(document, hostName('p'), { 'font-size': 'medium' });
  // Not !important, unlike the rest of the reset: text spacing that users set for the page (WCAG 1.4.12
  // bookmarklets, EasyRead's own spacing) reaches the panel through inheritance.
  for (const property of ['line-height', 'letter-spacing', 'word-spacing']) {
    host.style.removeProperty(property);
    host.style.setProperty(property, 'normal');
  }
  const region = createStyled(document, 'div', { display: 'flex', gap: `${PANEL_GAP}px` });
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', t('pageButtonRegion'));
  region.lang = browser.i18n.getUILanguage();
  const button = painter.add(createStyled(document, 'button', {}), cornerButtonStyles);
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'panel');
  const glyph = createStyled(document, 'span', { 'font-size': '1.15em' });
  glyph.textContent = 'Aa';
  glyph.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.textContent = t('pageButtonLabel');
  button.append(glyph, label);
  painter.ring(button, signal);

  let preferences = initial;
  const panel = createPanel(painter, { command, colours: (pageColours) => set({ pageColours }), move }, signal);
  region.append(button, panel.element);
  root.append(region);

  function setOpen(open: boolean): void {
    // Placed afresh on opening: a zoom or resize of the last moment (placement waits for it to settle) must not leave the panel out of the window.
    if (open) place();
    panel.element.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  }
  const isOpen = () => !panel.element.hidden;

  button.addEventListener('click', (event) => event.isTrusted && setOpen(!isOpen()), { signal });
  root.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || (event as KeyboardEvent).key !== 'Escape' || !isOpen()) return;
      // The page's own Esc handlers (a modal of its own) are not ours to trigger.
      event.stopPropagation();
      setOpen(false);
      button.focus();
    },
    { signal },
  );
  // A press elsewhere on the page closes the panel, as a menu would; focus stays where the user put it.
  document.addEventListener('pointerdown', (event) => event.isTrusted && !event.composedPath().includes(host) && setOpen(false), {
    capture: true,
    signal,
  });

  function place(): void {
    const corner: Corner = preferences.pageButtonCorner;
    const size = button.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const shift = shiftPastObstacles(corner, size, viewport, obstacles.find(corner, size, viewport));
    const top = isTopCorner(corner);
    const left = isLeftCorner(corner);
    setStyles(host, {
      top: top ? `${EDGE_GAP + shift}px` : 'auto',
      bottom: top ? 'auto' : `${EDGE_GAP + shift}px`,
      left: left ? `${EDGE_GAP}px` : 'auto',
      right: left ? 'auto' : `${EDGE_GAP}px`,
    });
    // The panel opens towards the middle of the page; the button stays first in the tab order.
    setStyles(region, { 'flex-direction': top ? 'column' : 'column-reverse', 'align-items': left ? 'flex-start' : 'flex-end' });
    // What is left of the window's height beyond the button and the gaps; more scrolls inside the panel (200% zoom, small windows).
    const room = viewport.height - shift - size.height - PANEL_GAP - 2 * EDGE_GAP;
    setStyles(panel.element, { 'max-height': `${Math.max(room, size.height)}px` });
  }
  const obstacles = watchObstacles(host, place, signal);

  async function command(name: CommandName): Promise<void> {
    // Reading mode and read aloud take over the page: the panel steps aside first.
    if (name === 'toggle-reading-mode' || name === 'read-aloud') setOpen(false);
    const result = await sendToBackground({ type: 'page-button-command', command: name }).catch(() => undefined);
    if (!result) return;
    if (!result.ok) panel.say(t(result.detail === 'not-html' ? 'readerNotHtml' : ERRORS[result.error]));
    else if ('textScale' in result) panel.say(t('textSizeAnnouncement', String(result.textScale)));
    else if ('lineFocus' in result) panel.say(t(result.lineFocus ? 'pageButtonRulerOn' : 'pageButtonRulerOff'));
  }

  async function set(patch: PageButtonPatch): Promise<boolean> {
    const reply = await sendToBackground({ type: 'page-button-set', patch }).catch(() => undefined);
    if (!reply?.ok) panel.say(t('errorFailed'));
    return reply?.ok === true;
  }

  function move(): void {
    const corner = nextCorner(preferences.pageButtonCorner, PAGE_BUTTON_CORNERS);
    void set({ pageButtonCorner: corner }).then(
      (ok) => ok && panel.say(t('pageButtonMoved', t(optionLabelKey('pageButtonCorner', corner)))),
    );
  }

  const showScheme = () => painter.paint(dark.matches ? DARK : LIGHT);
  dark.addEventListener('change', showScheme, { signal });
  // Never printed: print media, and the print dialog's own events for browsers that print without a media change.
  const showForPrint = (printing: boolean) => setStyles(host, { display: printing ? 'none' : 'block' });
  print.addEventListener('change', () => showForPrint(print.matches), { signal });
  window.addEventListener('beforeprint', (event) => event.isTrusted && showForPrint(true), { signal });
  window.addEventListener('afterprint', (event) => event.isTrusted && showForPrint(print.matches), { signal });
  showForPrint(print.matches);

  // documentElement, not body: a transformed body would break position: fixed.
  document.documentElement.append(host);
  panel.show(preferences);
  place();

  return {
    update(next) {
      const moved = next.pageButtonCorner !== preferences.pageButtonCorner;
      preferences = next;
      panel.show(next);
      if (moved) place();
    },
    remove() {
      controller.abort();
      host.remove();
    },
  };
}
