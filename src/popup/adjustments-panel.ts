/**
 * The popup's "Easy Web Browsing" rows: one per live-page feature field, made
 * from the registry (a select for choices, a checkbox for on/off) in the first
 * view or under More settings as the feature says, saved where the popup's
 * scope says; and a reset that shows this site exactly as the site made it.
 */
import type { FeatureValues } from '../shared/features/feature';
import { FEATURE_FIELDS, featureDefaults, type RegisteredField } from '../shared/features/registry';
import { type MessageKey, t } from '../shared/i18n';
import { optionLabelKey } from '../shared/option-label-key';
import { setPreferences } from '../shared/preferences/actions';
import type { EffectivePreferences } from '../shared/preferences/resolve';
import type { SitePreferences } from '../shared/preferences/schema';
import { updateSitePreferences } from '../shared/preferences/storage';
import { $ } from '../shared/ui/dom';

/** What "as the site made it" means: every feature off and the text at 100%. */
export const SITE_AS_MADE: SitePreferences = { textScale: 100, ...featureDefaults() };

export interface AdjustmentsPanel {
  show(preferences: EffectivePreferences): void;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

type Control = HTMLSelectElement | HTMLInputElement;

/** A select with its label (a `.field-row` in the first view, a pair in the `.fields` grid under More), or a checkbox. */
function rowFor({ name, field, feature }: RegisteredField): { row: HTMLElement[]; control: Control } {
  const id = kebab(name);
  const label = document.createElement('label');
  // A feature's label keys are its field names; the project-rule tests check each exists.
  const text = t((field.popupLabel ?? name) as MessageKey);
  if (typeof field.default === 'boolean') {
    const input = Object.assign(document.createElement('input'), { type: 'checkbox', id });
    const span = Object.assign(document.createElement('span'), { textContent: text });
    label.className = 'choice';
    label.append(input, ' ', span);
    return { row: [label], control: input };
  }
  const select = Object.assign(document.createElement('select'), { id });
  select.append(...field.choices.map((value) => new Option(t(optionLabelKey(name, String(value))), String(value))));
  label.htmlFor = id;
  label.textContent = text;
  if (!feature.firstView) return { row: [label, select], control: select };
  const wrap = Object.assign(document.createElement('div'), { className: 'field-row' });
  wrap.append(label, select);
  return { row: [wrap], control: select };
}

export function setUpAdjustmentsPanel(origin: string, announce: (message: string) => void): AdjustmentsPanel {
  const save = (patch: SitePreferences) => void setPreferences(origin, patch).then(() => announce(t('pageAdjustAnnouncement')));
  const controls = new Map<keyof FeatureValues, Control>();
  const moreChecks: HTMLElement[] = [];
  for (const registered of FEATURE_FIELDS) {
    const { row, control } = rowFor(registered);
    controls.set(registered.name, control);
    if (registered.feature.firstView) $('daily-features').append(...row);
    else if (control instanceof HTMLSelectElement) $('more-feature-fields').append(...row);
    else moreChecks.push(...row);
    control.addEventListener('change', () =>
      save({ [registered.name]: control instanceof HTMLInputElement ? control.checked : control.value } as SitePreferences),
    );
  }
  $('more-feature-fields').after(...moreChecks);
  $('reset-site').addEventListener('click', () => {
    // Into this site's own settings, whatever the scope: other sites keep theirs.
    void updateSitePreferences(origin, SITE_AS_MADE).then(() => announce(t('pageResetSiteDone')));
  });

  return {
    show(preferences) {
      for (const [name, control] of controls) {
        if (control instanceof HTMLInputElement) control.checked = preferences[name] === true;
        else control.value = String(preferences[name]);
      }
    },
  };
}
