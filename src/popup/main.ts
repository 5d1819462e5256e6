/**
 * The toolbar popup: shows and changes the current site's text size, where it
 * is remembered, and whether EasyRead applies it as pages load. State comes
 * from storage (and follows storage changes); commands go through the same
 * `run-command` message as the keyboard shortcuts.
 */
import browser from 'webextension-polyfill';
import { localizePage, t } from '../shared/i18n';
import type { CommandName } from '../shared/messages';
import { sendToBackground } from '../shared/messaging';
import { setScope, setTextScale } from '../shared/preferences/actions';
import { resolvePreferences, type Scope, scopeOf } from '../shared/preferences/resolve';
import { loadPreferences, watchPreferences } from '../shared/preferences/storage';
import { describePage, type PageSupport } from '../shared/site';
import { isTextScaleStep, MAX_TEXT_SCALE, MIN_TEXT_SCALE, TEXT_SCALE_STEPS } from '../shared/text-scale-steps';
import { type AccessScope, giveBackAccess, readAccess, requestAccess } from '../shared/ui/auto-apply-access';
import { $, announce } from '../shared/ui/dom';
import { setUpPresetButtons } from '../shared/ui/preset-buttons';
import { openShortcutSettings, renderShortcuts } from '../shared/ui/shortcuts-panel';
import { setUpAdjustmentsPanel } from './adjustments-panel';
import { showFuriganaNotice } from './furigana-notice';
import { showSiteControlsHint } from './site-controls';
import { findTargetTab } from './target-tab';

const UNSUPPORTED_MESSAGES = {
  'browser-page': 'unsupportedBrowserPage',
  'web-store': 'unsupportedWebStore',
  pdf: 'unsupportedPdf',
  'no-page': 'unsupportedNoPage',
} as const;

const ERROR_MESSAGES = {
  'unsupported-page': 'unsupportedBrowserPage',
  'no-access': 'errorNoAccess',
  failed: 'errorFailed',
} as const;

function showUnsupported(page: Exclude<PageSupport, { supported: true }>): void {
  const notice = $('unsupported');
  notice.textContent = t(UNSUPPORTED_MESSAGES[page.reason]);
  notice.hidden = false;
}

async function start(): Promise<void> {
  localizePage();
  const shortcutList = $('shortcut-list');
  void renderShortcuts(shortcutList);
  $('change-shortcuts').addEventListener('click', () => void openShortcutSettings());
  $('open-options').addEventListener('click', () => void browser.runtime.openOptionsPage().then(() => window.close()));

  const tab = await findTargetTab();
  const page = describePage(tab?.url);
  if (!page.supported || tab?.id === undefined) {
    showUnsupported(page.supported ? { supported: false, reason: 'no-page' } : page);
    return;
  }
  const tabId = tab.id;
  const { origin, hostname } = page;
  $('site-name').textContent = hostname;
  $('site-line').hidden = false;
  for (const id of ['controls', 'more-page']) $(id).hidden = false;

  // The popup opening is the user's request to adjust this tab: make sure the content script is there.
  const attached = await sendToBackground({ type: 'attach-tab', tabId });
  if (!attached?.ok) announce(t('errorNoAccess'));
  void showSiteControlsHint(tabId, $('site-controls-hint'));

  const select = $<HTMLSelectElement>('size-select');
  for (const step of TEXT_SCALE_STEPS) select.add(new Option(`${step}%`, String(step)));
  const smaller = $<HTMLButtonElement>('smaller');
  const larger = $<HTMLButtonElement>('larger');
  const reset = $<HTMLButtonElement>('reset');
  const scopeInputs = document.querySelectorAll<HTMLInputElement>('input[name="scope"]');

  const adjustments = setUpAdjustmentsPanel(origin, announce);
  showFuriganaNotice();

  async function render(): Promise<void> {
    const { global, site } = await loadPreferences(origin);
    const effective = resolvePreferences(global, site);
    const { textScale } = effective;
    adjustments.show(effective);
    select.value = String(textScale);
    // aria-disabled rather than disabled: a disabled button drops keyboard focus to <body>
    // the moment it is pressed (Reset, or Larger at 300%).
    smaller.setAttribute('aria-disabled', String(textScale === MIN_TEXT_SCALE));
    larger.setAttribute('aria-disabled', String(textScale === MAX_TEXT_SCALE));
    reset.setAttribute('aria-disabled', String(textScale === 100));
    const scope = scopeOf(site);
    for (const input of scopeInputs) input.checked = input.value === scope;
  }

  async function runCommand(command: CommandName): Promise<void> {
    const result = await sendToBackground({ type: 'run-command', command, tabId });
    if (!result.ok) announce(t(result.detail === 'not-html' ? 'readerNotHtml' : ERROR_MESSAGES[result.error]));
    else if ('textScale' in result) announce(t('textSizeAnnouncement', String(result.textScale)));
    else if ('readAloud' in result && result.readAloud === 'off') announce(t('readAloudOff'));
    // The reader takes focus in the page, and read aloud wants the pointer there: a popup left open would keep them.
    else if (('readerOpen' in result && result.readerOpen) || 'readAloud' in result) window.close();
  }

  const onPress = (button: HTMLButtonElement, command: CommandName) =>
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') void runCommand(command);
    });
  onPress(smaller, 'decrease-text-size');
  onPress(larger, 'increase-text-size');
  onPress(reset, 'reset-text-size');
  select.addEventListener('change', () => {
    const step = Number(select.value);
    if (!isTextScaleStep(step)) return;
    void setTextScale(origin, step).then(() => announce(t('textSizeAnnouncement', String(step))));
  });
  for (const input of scopeInputs) {
    input.addEventListener('change', () => {
      const scope = input.value as Scope;
      void setScope(origin, scope).then(() => announce(t(scope === 'site' ? 'scopeSiteAnnouncement' : 'scopeGlobalAnnouncement')));
    });
  }
  $('reading-mode').addEventListener('click', () => void runCommand('toggle-reading-mode'));
  $('read-aloud').addEventListener('click', () => void runCommand('read-aloud'));

  await render();
  watchPreferences(() => void render());
  await setUpPresetButtons($('presets'), { origin, announce });
  await setUpAutoApply(origin);
}

async function setUpAutoApply(origin: string): Promise<void> {
  const status = $('auto-status');
  const siteButton = $<HTMLButtonElement>('auto-site');
  const allButton = $<HTMLButtonElement>('auto-all');
  let access = await readAccess(browser.permissions, origin);

  function render(): void {
    status.textContent = t(access.all ? 'autoOnAll' : access.site ? 'autoOn' : 'autoOff');
    // "This site" is moot while all sites are granted; the all-sites button then offers to give it back.
    siteButton.hidden = access.all;
    siteButton.textContent = t(access.site ? 'autoRevokeSite' : 'autoGrantSite');
    allButton.textContent = t(access.all ? 'autoRevokeAll' : 'autoGrantAll');
  }

  async function toggle(scope: AccessScope, granted: boolean): Promise<void> {
    const changed = granted
      ? await giveBackAccess(browser.permissions, scope, origin)
      : await requestAccess(browser.permissions, scope, origin);
    if (!granted && !changed) announce(t('autoDenied'));
    access = await readAccess(browser.permissions, origin);
    render();
  }

  siteButton.addEventListener('click', () => void toggle('site', access.site));
  allButton.addEventListener('click', () => void toggle('all', access.all));
  render();
}

void start();
