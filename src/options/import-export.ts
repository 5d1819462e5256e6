/**
 * "Back up and restore": export every setting to a JSON file, and import one
 * after it has passed every check in settings-file.ts (nothing is written
 * for a file that fails any of them).
 */
import { t } from '../shared/i18n';
import { $, announce } from '../shared/ui/dom';
import { describeDropped, describeExported, describeImported, describeRejection } from './import-messages';
import { buildSettingsFile, checkFileSize, type ImportProblem, parseSettingsFile, settingsFileName } from './settings-file';
import { readRawSettings, writeImport } from './settings-store';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function list(items: string[]): HTMLUListElement {
  const element = document.createElement('ul');
  element.replaceChildren(
    ...items.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      return item;
    }),
  );
  return element;
}

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

export function setUpImportExport(): void {
  const exportButton = $<HTMLButtonElement>('export');
  const input = $<HTMLInputElement>('import-file');
  const errorBox = $('import-error');
  const summaryBox = $('import-summary');

  exportButton.addEventListener('click', () => {
    readRawSettings().then(
      ({ global, sites }) => {
        const now = new Date();
        const file = buildSettingsFile(global, sites, now);
        download(settingsFileName(now), `${JSON.stringify(file, null, 2)}\n`);
        announce(describeExported(Object.keys(file.sites).length, t));
      },
      (error: unknown) => {
        console.warn('[EasyRead] export failed', error);
        announce(t('optionsExportFailed'));
      },
    );
  });

  function showRejection(problems: ImportProblem[], more: number, reason?: string): void {
    const reasons = reason ? [reason] : describeRejection(problems, more, t);
    errorBox.replaceChildren(paragraph(t('optionsImportRejected')), list(reasons));
  }

  async function importFile(file: File): Promise<void> {
    // Live regions stay in the page (empty, not hidden), so what is put in them next is announced.
    errorBox.replaceChildren();
    summaryBox.replaceChildren();
    // Checked from the size the browser reports, before reading a single byte.
    const tooLarge = checkFileSize(file.size);
    if (tooLarge) return showRejection([tooLarge], 0);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return showRejection([], 0, t('optionsImportUnreadable'));
    }
    const result = parseSettingsFile(text);
    if (!result.ok) return showRejection(result.problems, result.more);

    await writeImport(result.plan);
    const parts: HTMLElement[] = [paragraph(describeImported(result.plan, t))];
    if (result.plan.dropped.length > 0) {
      parts.push(paragraph(t('optionsImportDroppedIntro')), list(result.plan.dropped.map((dropped) => describeDropped(dropped, t))));
    }
    summaryBox.replaceChildren(...parts);
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    void importFile(file)
      .catch((error: unknown) => {
        console.warn('[EasyRead] import failed', error);
        errorBox.replaceChildren(paragraph(t('optionsImportWriteFailed')));
      })
      .finally(() => {
        // Choosing the same file again (after fixing it) must fire "change" again.
        input.value = '';
      });
  });
}
