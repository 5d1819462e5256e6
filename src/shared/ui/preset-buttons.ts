/**
 * The preset buttons of the popup and the first-run page: each press applies
 * its preset (or undoes it when pressed), aria-pressed follows storage, and
 * the result is announced in the page's status region.
 */
import { type MessageKey, t } from '../i18n';
import { readPresetState, togglePreset, watchPresetRecords } from '../preferences/preset-storage';
import { watchPreferences } from '../preferences/storage';
import { isPresetName, type PresetName } from '../presets';

const LABEL_KEYS: Record<PresetName, MessageKey> = {
  'larger-text': 'presetLargerText',
  'high-contrast': 'presetHighContrast',
  'easier-to-read': 'presetEasierToRead',
};

export interface PresetButtonsOptions {
  /** undefined: all sites (first-run page); otherwise where the popup's scope says for this site. */
  origin: string | undefined;
  announce(message: string): void;
  /** After a preset was applied or undone (the first-run page refreshes its preview). */
  onChange?(): void;
}

/** Wires every `button[data-preset]` under root; resolves once their pressed state is shown. */
export async function setUpPresetButtons(root: ParentNode, options: PresetButtonsOptions): Promise<void> {
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('button[data-preset]')];
  const render = async () => {
    const { active } = await readPresetState(options.origin);
    for (const button of buttons) button.setAttribute('aria-pressed', String(active.includes(button.dataset.preset as PresetName)));
  };
  for (const button of buttons) {
    const name = button.dataset.preset;
    if (!isPresetName(name)) continue;
    button.addEventListener('click', () => {
      void togglePreset(options.origin, name)
        .then(({ applied, scope }) => {
          const label = t(LABEL_KEYS[name]);
          options.announce(t(!applied ? 'presetUndone' : scope === 'site' ? 'presetAppliedSite' : 'presetAppliedGlobal', label));
          options.onChange?.();
          return render();
        })
        .catch((error: unknown) => {
          console.warn('[EasyRead] a preset could not be saved', error);
          options.announce(t('presetFailed'));
        });
    });
  }
  watchPreferences(() => void render());
  watchPresetRecords(() => void render());
  await render();
}
