/**
 * The on-page button (issue 11 item 7): a small button in a corner of the page
 * that opens text size, reading mode, read aloud, the ruler and colours, for
 * people who never find the toolbar icon. Its code is the `page-button` page
 * tool (top frame only); off unless chosen.
 */
import { choiceField, defineFeature, type FeaturePresets, switchField, type ValuesOf } from '../shared/features/feature';

/** Where the button sits; the first is the default. */
export const PAGE_BUTTON_CORNERS = ['bottom-right', 'bottom-left', 'top-left', 'top-right'] as const;

export const feature = defineFeature({
  order: 100,
  fields: { pageButton: switchField(), pageButtonCorner: choiceField(PAGE_BUTTON_CORNERS, 'bottom-right') },
  tool: 'page-button',
  topOnly: true,
  // It waits for storage like the ruler: nothing of it must show before the first paint.
  noBoot: true,
});

type Values = ValuesOf<typeof feature.fields>;

/** Joins no preset (every feature says which it joins: shared/presets.ts). */
export const presets: FeaturePresets<Values> = {};

declare module '../shared/features/feature' {
  interface FeatureValues extends Values {}
}
