/**
 * Our own layer over a web page: an element with a closed shadow root, so
 * page scripts cannot reach into it and page selectors cannot match inside it.
 * Every style is set through the CSSOM (inline, !important): a strict
 * Content-Security-Policy may forbid <style> elements, never element.style,
 * and inline !important beats any page rule on the host itself.
 */

export type Styles = Record<string, string>;

export function setStyles(element: HTMLElement, styles: Styles): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value, 'important');
}

/** Undo page CSS that reaches the host through inheritance or `*` rules. */
const HOST_RESET: Styles = {
  all: 'initial',
  display: 'block',
  position: 'fixed',
  'z-index': '2147483646',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'pointer-events': 'none',
};

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

/**
 * A detached host; the caller places it (documentElement, not body: a
 * transformed or filtered body would break position: fixed).
 */
export function createShadowHost(document: Document, tagName: string, styles: Styles): ShadowHost {
  const host = document.createElement(tagName);
  setStyles(host, { ...HOST_RESET, ...styles });
  return { host, root: host.attachShadow({ mode: 'closed' }) };
}

export function createStyled<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tagName: K,
  styles: Styles,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tagName);
  setStyles(element, styles);
  return element;
}
