/**
 * Colour tint: a tinted overlay over the whole page for visual stress (as the
 * coloured overlays readers lay on paper), in a closed shadow root. It lets
 * every click through, changes no layout and, multiplied over the page, keeps
 * dark text dark, so it combines with the colour schemes.
 */
import { hostName } from '../content/page-names';
import { choiceField, defineFeature, type FeaturePresets, type PageContext, type ValuesOf } from '../shared/features/feature';

export const TINTS = ['off', 'cream', 'blue', 'green', 'rose', 'grey'] as const;
export const TINT_STRENGTHS = ['light', 'medium', 'strong'] as const;

export const feature = defineFeature({
  order: 70,
  fields: { pageTint: choiceField(TINTS, 'off'), pageTintStrength: choiceField(TINT_STRENGTHS, 'medium') },
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}

/** Soft colours: multiplied over white they give the tinted paper of reading overlays. */
export const TINT_COLOURS: Record<Exclude<Values['pageTint'], 'off'>, string> = {
  cream: '#fff0c2',
  blue: '#c9e2ff',
  green: '#cdf2cd',
  rose: '#ffd3de',
  grey: '#d6d6d6',
};

export const TINT_OPACITY: Record<Values['pageTintStrength'], number> = { light: 0.5, medium: 0.75, strong: 1 };

/** Top frame only: one overlay covers the frames too. */
export function start({ pageTint, pageTintStrength }: Values, signal: AbortSignal, { document }: PageContext): void {
  const view = document.defaultView;
  if (pageTint === 'off' || !view || view.top !== view) return;
  const host = document.createElement(hostName('t'));
  const styles: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    inset: '0',
    'z-index': '2147483645',
    'pointer-events': 'none',
    background: TINT_COLOURS[pageTint],
    opacity: String(TINT_OPACITY[pageTintStrength]),
    'mix-blend-mode': 'multiply',
  };
  for (const [property, value] of Object.entries(styles)) host.style.setProperty(property, value, 'important');
  // Closed and empty: page scripts and selectors reach nothing inside; screen readers skip it.
  host.attachShadow({ mode: 'closed' });
  host.setAttribute('aria-hidden', 'true');
  const place = () => {
    if (!host.isConnected) document.documentElement?.append(host);
  };
  place();
  // A page that replaces itself (document.open()) takes the overlay with it: put it back.
  const keepPlaced = new MutationObserver(place);
  keepPlaced.observe(document, { childList: true });
  signal.addEventListener('abort', () => {
    keepPlaced.disconnect();
    host.remove();
  });
}
