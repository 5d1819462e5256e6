/**
 * The options page's controls for the live-page features, made from the
 * registry before the form wires them up: a labelled select per choice field
 * in the grid, a checkbox per switch after it, each marked with data-field.
 * A field with a hint below (HINTS) gets that line, tied to its control.
 */
import { FEATURE_FIELDS, type FeatureFieldName } from '../shared/features/registry';
import { type MessageKey, t } from '../shared/i18n';

/**
 * The few fields that need a line of explanation on this page. Kept here, not in the feature's
 * description, so the always-on content script (which carries every description) stays small;
 * a list rather than a lookup by name, since Firefox logs every lookup of a missing message.
 */
const HINTS: Partial<Record<FeatureFieldName, MessageKey>> = { pageButton: 'pageButtonHint', pageFurigana: 'pageFuriganaHint' };

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The field's hint line, if it has one, tied to its control so it is read out with it. */
function hintLine(name: FeatureFieldName, control: HTMLElement): HTMLElement | undefined {
  const hint = HINTS[name];
  if (!hint) return undefined;
  const line = Object.assign(document.createElement('p'), { id: `hint-${kebab(name)}`, className: 'hint', textContent: t(hint) });
  control.setAttribute('aria-describedby', line.id);
  return line;
}

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
      const line = hintLine(name, input);
      if (line) switches.push(line);
      continue;
    }
    const select = Object.assign(document.createElement('select'), { id });
    select.dataset.field = name;
    Object.assign(label, { htmlFor: id, textContent: t(name) });
    const wrap = Object.assign(document.createElement('div'), { className: 'field' });
    wrap.append(label, select);
    const line = hintLine(name, select);
    if (line) wrap.append(line);
    grid.append(wrap);
  }
  grid.after(...switches);
}
