/**
 * The small bar at the bottom of the page while read aloud is on: what it is
 * doing (a polite live region, so screen readers hear it too), Stop, and
 * Turn off. In a closed shadow root with inline styles only, so neither page
 * CSS nor a strict Content-Security-Policy can hide or restyle it; the
 * buttons draw their own focus ring since :focus-visible needs a stylesheet.
 * Sizes are in px: rem would follow the page's root font size (often 62.5%).
 */
import browser from 'webextension-polyfill';
import { hostName } from '../../content/page-names';
import { t } from '../../shared/i18n';
import { createShadowHost, createStyled, setStyles } from '../shadow-host';

export interface ReadAloudBar {
  host: HTMLElement;
  say(status: string): void;
  remove(): void;
}

const TEXT = '#1a1a1a';
const BACKGROUND = '#ffffff';
const FOCUS = '#c24e00';

function button(label: string, onPress: () => void): HTMLButtonElement {
  const element = createStyled(document, 'button', {
    font: 'inherit',
    color: BACKGROUND,
    background: TEXT,
    border: `2px solid ${TEXT}`,
    'border-radius': '6px',
    padding: '6px 14px',
    'min-height': '44px',
    cursor: 'pointer',
    outline: 'none',
    'outline-offset': '2px',
  });
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onPress);
  element.addEventListener('focus', () => setStyles(element, { outline: `3px solid ${FOCUS}` }));
  element.addEventListener('blur', () => setStyles(element, { outline: 'none' }));
  return element;
}

export function createReadAloudBar(actions: { stop(): void; close(): void }): ReadAloudBar {
  const { host, root } = createShadowHost(document, hostName('r'), {
    left: '0',
    right: '0',
    bottom: '16px',
    display: 'flex',
    'justify-content': 'center',
  });
  const bar = createStyled(document, 'div', {
    'pointer-events': 'auto',
    display: 'flex',
    'flex-wrap': 'wrap',
    'align-items': 'center',
    gap: '12px',
    width: 'min(736px, calc(100vw - 32px))',
    'box-sizing': 'border-box',
    padding: '10px 14px',
    color: TEXT,
    background: BACKGROUND,
    border: `2px solid ${TEXT}`,
    'border-radius': '10px',
    'box-shadow': '0 4px 18px rgba(0, 0, 0, 0.35)',
    font: '16px/1.4 system-ui, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", sans-serif',
  });
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', t('readAloudBarLabel'));
  bar.lang = browser.i18n.getUILanguage();
  const status = createStyled(document, 'p', { margin: '0', flex: '1 1 256px' });
  status.setAttribute('role', 'status');
  bar.append(status, button(t('readAloudStop'), actions.stop), button(t('readAloudClose'), actions.close));
  root.append(bar);
  document.documentElement.append(host);

  return {
    host,
    say(text) {
      if (status.textContent !== text) status.textContent = text;
    },
    remove() {
      host.remove();
    },
  };
}
