/**
 * "Reset everything", behind a confirmation: a modal dialog whose first
 * focus is "Cancel", so Enter pressed twice by accident removes nothing.
 * Esc or Cancel closes it; focus returns to the button that opened it.
 */
import { t } from '../shared/i18n';
import { $, announce } from '../shared/ui/dom';
import { removeAllSettings } from './settings-store';

export function setUpResetPanel(): void {
  const open = $<HTMLButtonElement>('reset');
  const dialog = $<HTMLDialogElement>('reset-dialog');
  const cancel = $<HTMLButtonElement>('reset-cancel');
  const confirm = $<HTMLButtonElement>('reset-confirm');

  open.addEventListener('click', () => {
    dialog.showModal();
    cancel.focus();
  });
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => open.focus());
  confirm.addEventListener('click', () => {
    removeAllSettings().then(
      () => {
        dialog.close();
        announce(t('optionsResetDone'));
      },
      (error: unknown) => {
        console.warn('[EasyRead] reset failed', error);
        dialog.close();
        announce(t('optionsResetFailed'));
      },
    );
  });
}
