/**
 * Which preferences are live-page adjustments (colours, font, spacing, links,
 * focus ring). Shared by the always-on content script, which loads the
 * adjustments' code only while one of them is on, and the background, which
 * lists that code in the automatic scripts of sites where one is on.
 */
import type { EffectivePreferences } from './preferences/resolve';
import type { PAGE_COLOURS, PAGE_FONTS, PAGE_SPACINGS } from './preferences/schema';

export interface PageAdjustments {
  pageColours: (typeof PAGE_COLOURS)[number];
  pageFont: (typeof PAGE_FONTS)[number];
  pageSpacing: (typeof PAGE_SPACINGS)[number];
  pageLinks: boolean;
  pageFocus: boolean;
}

export function pageAdjustmentsOf(preferences: PageAdjustments | EffectivePreferences): PageAdjustments {
  const { pageColours, pageFont, pageSpacing, pageLinks, pageFocus } = preferences;
  return { pageColours, pageFont, pageSpacing, pageLinks, pageFocus };
}

export function hasAdjustments(adjustments: PageAdjustments): boolean {
  return (
    adjustments.pageColours !== 'off' ||
    adjustments.pageFont !== 'off' ||
    adjustments.pageSpacing !== 'off' ||
    adjustments.pageLinks ||
    adjustments.pageFocus
  );
}
