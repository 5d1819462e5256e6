/**
 * The options page: the settings for all sites, the sites with their own,
 * where EasyRead may apply them as pages load, shortcuts, backup and reset.
 * Everything shown is read from storage and permissions, and re-read when
 * they change (from here, the popup, the reader or another device).
 */

import { localizePage } from '../shared/i18n';
import { watchPreferences } from '../shared/preferences/storage';
import { $ } from '../shared/ui/dom';
import { openShortcutSettings, renderShortcuts } from '../shared/ui/shortcuts-panel';
import { addFeatureControls } from './feature-controls';
import { setUpImportExport } from './import-export';
import { setUpPermissionsPanel } from './permissions-panel';
import { setUpResetPanel } from './reset-panel';
import { setUpSettingsForm } from './settings-form';
import { setUpSiteList } from './site-list';

async function start(): Promise<void> {
  localizePage();
  addFeatureControls($('feature-fields'));
  const form = setUpSettingsForm();
  const sites = setUpSiteList();
  const access = setUpPermissionsPanel();
  setUpImportExport();
  setUpResetPanel();
  $('change-shortcuts').addEventListener('click', () => void openShortcutSettings());
  watchPreferences(() => {
    void form.render();
    void sites.render();
  });
  await Promise.all([form.render(), sites.render(), access.render(), renderShortcuts($('shortcut-list'))]);
  document.body.dataset.ready = 'true';
}

void start().catch((error: unknown) => console.error('[EasyRead] options page failed to start', error));
