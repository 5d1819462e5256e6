/**
 * How the on-page button and its panel look, in the browser's light or dark
 * scheme. Inline styles only (see shadow-host.ts). Sizes are in em of the
 * host's `medium` font, which is the browser's default font size whatever
 * the page sets on its root: a user who chose 32 px text gets a 32 px panel.
 */
import type { Styles } from '../shadow-host';

export interface Look {
  text: string;
  background: string;
  focus: string;
}

/** Both pairs are over 15:1; each focus colour is over 3:1 against its background. */
export const LIGHT: Look = { text: '#1a1a1a', background: '#ffffff', focus: '#c24e00' };
export const DARK: Look = { text: '#f2f2f2', background: '#1c1c1e', focus: '#ffb37a' };

/** Family and size only: an inline line height would keep users' own text-spacing tools out (WCAG 1.4.12). */
const FONT: Styles = { 'font-family': 'system-ui, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", sans-serif', 'font-size': '1em' };

/** The round button in the corner: filled, with a halo that keeps it distinct on any page. */
export function cornerButtonStyles(look: Look): Styles {
  return {
    display: 'inline-flex',
    'align-items': 'center',
    gap: '0.4em',
    ...FONT,
    'font-weight': '600',
    color: look.background,
    background: look.text,
    border: `0.125em solid ${look.text}`,
    'border-radius': '1.5em',
    padding: '0.35em 0.9em',
    'min-height': '2.75em',
    'min-width': '2.75em',
    'box-shadow': `0 0 0 0.125em ${look.background}, 0 0.2em 0.8em rgba(0, 0, 0, 0.35)`,
    cursor: 'pointer',
    'pointer-events': 'auto',
  };
}

export function panelStyles(look: Look): Styles {
  return {
    'pointer-events': 'auto',
    'box-sizing': 'border-box',
    width: '20em',
    'max-width': 'calc(100vw - 1.5em)',
    // Its max-height is set where the button is placed (page-button.ts): the rest scrolls.
    'overflow-y': 'auto',
    padding: '0.75em',
    color: look.text,
    background: look.background,
    border: `0.125em solid ${look.text}`,
    'border-radius': '0.6em',
    'box-shadow': '0 0.25em 1.2em rgba(0, 0, 0, 0.35)',
    ...FONT,
  };
}

/** A panel button: outlined, filled while pressed (the ruler on), dashed while it can do nothing (Larger at 300%). */
export function panelButtonStyles(look: Look, state: { pressed?: boolean; unavailable?: boolean } = {}): Styles {
  const pressed = state.pressed === true;
  return {
    ...FONT,
    color: pressed ? look.background : look.text,
    background: pressed ? look.text : look.background,
    border: `0.125em ${state.unavailable ? 'dashed' : 'solid'} ${look.text}`,
    'border-radius': '0.4em',
    padding: '0.3em 0.6em',
    'min-height': '2.75em',
    'min-width': '2.75em',
    cursor: 'pointer',
    'text-align': 'center',
  };
}

export function selectStyles(look: Look): Styles {
  return {
    ...FONT,
    color: look.text,
    background: look.background,
    border: `0.125em solid ${look.text}`,
    'border-radius': '0.4em',
    padding: '0.3em',
    'min-height': '2.75em',
    width: '100%',
    'box-sizing': 'border-box',
    'color-scheme': look === DARK ? 'dark' : 'light',
  };
}

/** :focus-visible needs a stylesheet; the ring is drawn on focus instead, outside a halo of the background colour. */
export function focusRing(look: Look, focused: boolean): Styles {
  return focused ? { outline: `0.2em solid ${look.focus}`, 'outline-offset': '0.15em' } : { outline: 'none' };
}

/** Every element's styles as a function of the look, so a scheme change repaints them all. */
export interface Painter {
  add<E extends HTMLElement>(element: E, styles: (look: Look) => Styles): E;
  /** Our own focus ring on this control (a button or select). */
  ring(element: HTMLElement, signal: AbortSignal): void;
  paint(look: Look): void;
  repaint(element: HTMLElement): void;
}

export function createPainter(setStyles: (element: HTMLElement, styles: Styles) => void, initial: Look): Painter {
  const styled = new Map<HTMLElement, (look: Look) => Styles>();
  let current = initial;
  const focused = (element: HTMLElement) =>
    element.getRootNode() instanceof ShadowRoot && (element.getRootNode() as ShadowRoot).activeElement === element;
  const apply = (element: HTMLElement, styles: (look: Look) => Styles) =>
    setStyles(element, { ...styles(current), ...focusRing(current, focused(element)) });
  return {
    add(element, styles) {
      styled.set(element, styles);
      apply(element, styles);
      return element;
    },
    ring(element, signal) {
      const update = () => {
        const styles = styled.get(element);
        if (styles) apply(element, styles);
      };
      element.addEventListener('focus', update, { signal });
      element.addEventListener('blur', update, { signal });
    },
    paint(look) {
      current = look;
      for (const [element, styles] of styled) apply(element, styles);
    },
    repaint(element) {
      const styles = styled.get(element);
      if (styles) apply(element, styles);
    },
  };
}
