/**
 * The options page's controls for the live-page features, made from the
 * registry before the form wires them up: a labelled select per choice field
 * in the grid, a checkbox per switch after it, each marked with data-field.
 * A select whose field has a message `<field>Hint` gets that line under it.
 */
import browser from 'webextension-polyfill';
import { FEATURE_FIELDS } from '../shared/features/registry';
import { t } from '../shared/i18n';

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
      continue;
    }
    const select = Object.assign(document.createElement('select'), { id });
    select.dataset.field = name;
    Object.assign(label, { htmlFor: id, textContent: t(name) });
    const wrap = Object.assign(document.createElement('div'), { className: 'field' });
    wrap.append(label, select);
    // Looked up by name, so a feature needs no list of hints; getMessage says '' when there is none.
    const hint = browser.i18n.getMessage(`${name}Hint`);
    if (hint) {
      const line = Object.assign(document.createElement('p'), { id: `hint-${kebab(name)}`, className: 'hint', textContent: hint });
      select.setAttribute('aria-describedby', line.id);
      wrap.append(line);
    }
    grid.append(wrap);
  }
  grid.after(...switches);
}
