/**
 * Where EasyRead may apply settings as pages load: on all sites, or on the
 * sites listed one by one, each of which can be given back. The background
 * follows permission changes itself (permissions.onAdded / onRemoved).
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { giveBackAccess, requestAccess } from '../shared/ui/auto-apply-access';
import { $, announce } from '../shared/ui/dom';
import { type AccessOverview, accessLabel, accessOverview } from './access-list';

export function setUpPermissionsPanel(): { render(): Promise<void> } {
  const status = $('access-status');
  const allButton = $<HTMLButtonElement>('access-all');
  const list = $<HTMLUListElement>('access-list');
  const empty = $('access-empty');
  let access: AccessOverview = { all: false, sites: [] };

  async function render(): Promise<void> {
    const { origins = [] } = await browser.permissions.getAll();
    access = accessOverview(origins);
    status.textContent = t(access.all ? 'optionsAccessAll' : access.sites.length > 0 ? 'optionsAccessSome' : 'optionsAccessNone');
    allButton.textContent = t(access.all ? 'autoRevokeAll' : 'autoGrantAll');

    const focused = document.activeElement?.closest<HTMLLIElement>('#access-list li[data-pattern]')?.dataset.pattern;
    list.replaceChildren(
      ...access.sites.map((pattern, index) => {
        const item = document.createElement('li');
        item.className = 'row';
        item.dataset.pattern = pattern;
        const name = document.createElement('strong');
        name.className = 'origin';
        name.id = `access-${index}`;
        name.textContent = accessLabel(pattern);
        const revoke = document.createElement('button');
        revoke.type = 'button';
        revoke.className = 'secondary';
        revoke.textContent = t('optionsRevoke');
        revoke.setAttribute('aria-describedby', name.id);
        revoke.addEventListener('click', () => void revokeSite(pattern));
        item.append(name, revoke);
        return item;
      }),
    );
    list.hidden = access.sites.length === 0;
    empty.hidden = access.sites.length > 0;
    if (focused) {
      const button = list.querySelector<HTMLLIElement>(`li[data-pattern="${CSS.escape(focused)}"]`)?.querySelector('button');
      (button ?? list.querySelector('button') ?? allButton).focus();
    }
  }

  async function revokeSite(pattern: string): Promise<void> {
    const site = accessLabel(pattern);
    const removed = await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    announce(t(removed ? 'optionsRevoked' : 'optionsRevokeFailed', site));
    await render();
  }

  allButton.addEventListener('click', () => {
    // The request must start inside the click: browsers only prompt for a user gesture.
    const wasAll = access.all;
    const change = wasAll ? giveBackAccess(browser.permissions, 'all', '') : requestAccess(browser.permissions, 'all', '');
    void change
      .catch(() => false)
      .then(async (changed) => {
        if (!changed) announce(t(wasAll ? 'optionsAccessKept' : 'autoDenied'));
        else announce(t(wasAll ? 'optionsAccessRevokedAll' : 'optionsAccessGrantedAll'));
        await render();
      });
  });

  browser.permissions.onAdded.addListener(() => void render());
  browser.permissions.onRemoved.addListener(() => void render());
  return { render };
}
