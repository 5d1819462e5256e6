/**
 * The popup's "Easy Web Browsing" panel: colours, font, spacing, links,
 * focus, the reading ruler and furigana for the live page, saved where the popup's scope says, and a reset
 * that shows this site exactly as the site made it.
 */
import browser from 'webextension-polyfill';
import { FURIGANA_UNAVAILABLE_KEY } from '../shared/furigana/furigana-status';
import { furiganaLevelLabel } from '../shared/furigana/level-labels';
import { FURIGANA_LEVELS, type FuriganaLevel } from '../shared/furigana/levels';
import { t } from '../shared/i18n';
import { optionLabelKey } from '../shared/option-label-key';
import { setPreferences } from '../shared/preferences/actions';
import type { EffectivePreferences } from '../shared/preferences/resolve';
import { PAGE_COLOURS, PAGE_FONTS, PAGE_SPACINGS, type SitePreferences } from '../shared/preferences/schema';
import { updateSitePreferences } from '../shared/preferences/storage';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** What "as the site made it" means: every adjustment off and the text at 100%. */
export const SITE_AS_MADE: SitePreferences = {
  textScale: 100,
  pageColours: 'off',
  pageFont: 'off',
  pageSpacing: 'off',
  pageLinks: false,
  pageFocus: false,
  pageLineFocus: false,
  pageFurigana: 'off',
};

export interface AdjustmentsPanel {
  show(preferences: EffectivePreferences): void;
}

export function setUpAdjustmentsPanel(origin: string, announce: (message: string) => void): AdjustmentsPanel {
  const colours = $<HTMLSelectElement>('page-colours');
  const font = $<HTMLSelectElement>('page-font');
  const spacing = $<HTMLSelectElement>('page-spacing');
  const links = $<HTMLInputElement>('page-links');
  const focus = $<HTMLInputElement>('page-focus');
  const lineFocus = $<HTMLInputElement>('page-line-focus');
  const furigana = $<HTMLSelectElement>('page-furigana');
  const fill = (select: HTMLSelectElement, prefix: string, values: readonly string[]) =>
    select.replaceChildren(...values.map((value) => new Option(t(optionLabelKey(prefix, value)), value)));
  fill(colours, 'pageColours', PAGE_COLOURS);
  fill(font, 'pageFont', PAGE_FONTS);
  fill(spacing, 'pageSpacing', PAGE_SPACINGS);
  furigana.replaceChildren(...FURIGANA_LEVELS.map((level) => new Option(furiganaLevelLabel(level, t), level)));
  // A dictionary that failed to load this session: say so beside the setting (the page was left untouched).
  void browser.storage.session.get(FURIGANA_UNAVAILABLE_KEY).then((stored) => {
    $('furigana-unavailable').hidden = stored[FURIGANA_UNAVAILABLE_KEY] !== true;
  });

  const save = (patch: SitePreferences) => void setPreferences(origin, patch).then(() => announce(t('pageAdjustAnnouncement')));
  colours.addEventListener('change', () => save({ pageColours: colours.value as EffectivePreferences['pageColours'] }));
  font.addEventListener('change', () => save({ pageFont: font.value as EffectivePreferences['pageFont'] }));
  spacing.addEventListener('change', () => save({ pageSpacing: spacing.value as EffectivePreferences['pageSpacing'] }));
  links.addEventListener('change', () => save({ pageLinks: links.checked }));
  focus.addEventListener('change', () => save({ pageFocus: focus.checked }));
  lineFocus.addEventListener('change', () => save({ pageLineFocus: lineFocus.checked }));
  furigana.addEventListener('change', () => save({ pageFurigana: furigana.value as FuriganaLevel }));
  $('reset-site').addEventListener('click', () => {
    // Into this site's own settings, whatever the scope: other sites keep theirs.
    void updateSitePreferences(origin, SITE_AS_MADE).then(() => announce(t('pageResetSiteDone')));
  });

  return {
    show(preferences) {
      colours.value = preferences.pageColours;
      font.value = preferences.pageFont;
      spacing.value = preferences.pageSpacing;
      links.checked = preferences.pageLinks;
      focus.checked = preferences.pageFocus;
      lineFocus.checked = preferences.pageLineFocus;
      furigana.value = preferences.pageFurigana;
    },
  };
}
