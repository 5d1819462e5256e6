/**
 * The settings for all sites: one control per preference field, each change
 * saved at once through the preferences module and confirmed in the live
 * region. The form re-renders from storage, so the popup, the reader and
 * other devices (through sync) stay in step with it.
 */
import { t } from '../shared/i18n';
import { loadPreferences, updateGlobalPreferences } from '../shared/preferences/storage';
import { announce } from '../shared/ui/dom';
import { describeSetting, expectedType, FIELD_NAMES, type FieldName, type FieldValues, fieldChoices, formatValue } from './fields';

type Control = HTMLSelectElement | HTMLInputElement;

function controlFor(field: FieldName): Control {
  const control = document.querySelector<Control>(`[data-field="${field}"]`);
  if (!control) throw new Error(`options page has no control for ${field}`);
  return control;
}

/** Shows a value even if it is not one of the offered choices (set on another device, say). */
function selectValue(select: HTMLSelectElement, value: string, label: string): void {
  if (![...select.options].some((option) => option.value === value)) select.add(new Option(label, value));
  select.value = value;
}

function readControl(field: FieldName, control: Control): FieldValues[FieldName] {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
  return expectedType(field) === 'number' ? Number(control.value) : control.value;
}

/** Every voice the browser has; ☁ marks voices that may send the text to an online service. */
function fillVoices(select: HTMLSelectElement, current: string): void {
  const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined;
  const voices = [...(synth?.getVoices() ?? [])].sort((a, b) => a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name));
  const options = [new Option(t('voiceAuto'), '')];
  for (const voice of voices) options.push(new Option(`${voice.name} (${voice.lang})${voice.localService ? '' : ' ☁'}`, voice.name));
  select.replaceChildren(...options);
  selectValue(select, current, current);
}

export interface SettingsForm {
  render(): Promise<void>;
}

export function setUpSettingsForm(): SettingsForm {
  let currentVoice = '';
  /**
   * Changes still being saved, per field. A render started by an earlier save
   * reads the value from before the user's latest change: putting that back
   * would move a list under the user's arrow keys (the next key then starts
   * from the old value, losing a step) and show a value they already left.
   * Such a field keeps what the user chose until its last save is done.
   */
  const saving = new Map<FieldName, number>();
  let latestRender = 0;

  async function render(): Promise<void> {
    const thisRender = ++latestRender;
    const { global } = await loadPreferences(undefined);
    if (thisRender !== latestRender) return; // a newer render has fresher data
    currentVoice = global.speechVoice;
    for (const field of FIELD_NAMES) {
      if (saving.has(field)) continue;
      const control = controlFor(field);
      const value = global[field];
      if (control instanceof HTMLInputElement) control.checked = value === true;
      else if (field === 'speechVoice') selectValue(control, String(value), String(value));
      else selectValue(control, String(value), formatValue(field, value, t));
    }
  }

  for (const field of FIELD_NAMES) {
    const control = controlFor(field);
    if (control instanceof HTMLSelectElement && field !== 'speechVoice') {
      control.replaceChildren(...fieldChoices(field, t).map(([value, label]) => new Option(label, value)));
    }
    control.addEventListener('change', () => {
      const value = readControl(field, control);
      saving.set(field, (saving.get(field) ?? 0) + 1);
      updateGlobalPreferences({ [field]: value })
        .then(
          () => announce(t('optionsSaved', describeSetting(field, value, t))),
          (error: unknown) => {
            console.warn(`[EasyRead] could not save ${field}`, error);
            announce(t('optionsSaveFailed'));
          },
        )
        .finally(() => {
          const left = (saving.get(field) ?? 1) - 1;
          if (left > 0) {
            saving.set(field, left);
          } else {
            saving.delete(field);
            // Storage may have moved on meanwhile (or the save failed): show what is stored now.
            void render();
          }
        });
    });
  }
  const voiceSelect = controlFor('speechVoice') as HTMLSelectElement;
  fillVoices(voiceSelect, currentVoice);
  if ('speechSynthesis' in window) window.speechSynthesis.addEventListener('voiceschanged', () => fillVoices(voiceSelect, currentVoice));

  return { render };
}
