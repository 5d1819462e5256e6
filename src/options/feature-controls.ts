/**
 * The options page's controls for the live-page features, made from the
 * registry before the form wires them up: a labelled select per choice field
 * in the grid, a checkbox per switch after it (with its hint line if it has
 * one), each marked with data-field.
 */
import { FEATURE_FIELDS, type FeatureFieldName } from '../shared/features/registry';
import { type MessageKey, t } from '../shared/i18n';

/** The few switches that need a line of explanation under them (kept here, not in the always-on descriptions). */
const HINTS: Partial<Record<FeatureFieldName, MessageKey>> = { pageButton: 'pageButtonHint' };

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function addFeatureControls(grid: HTMLElement): void {
  const switches: HTMLElement[] = [];
  for (const { name, field } of FEATURE_FIELDS) {
    const id = `field-${kebab(name)}`;
    const label = document.createElement('label');
    if (typeof field.default === 'boolean') {
      const input = Object.assign(document.createElement('input'), { type: 'checkbox', id });
      input.dataset.field = name;
      label.className = 'check';
      label.append(input, ' ', Object.assign(document.createElement('span'), { textContent: t(name) }));
      switches.push(label);
      const hint = HINTS[name];
      if (hint) {
        // Read out with the checkbox.
        const line = Object.assign(document.createElement('p'), { id: `hint-${kebab(name)}`, className: 'hint', textContent: t(hint) });
        input.setAttribute('aria-describedby', line.id);
        switches.push(line);
      }
      continue;
    }
    const select = Object.assign(document.createElement('select'), { id });
    select.dataset.field = name;
    Object.assign(label, { htmlFor: id, textContent: t(name) });
    const wrap = Object.assign(document.createElement('div'), { className: 'field' });
    wrap.append(label, select);
    grid.append(wrap);
  }
  grid.after(...switches);
}
