/**
 * The sites that keep their own settings, each with what it changes in plain
 * words and a way back to the settings for all sites.
 */
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import type { SitePreferences } from '../shared/preferences/schema';
import { forgetSite, loadAllSites } from '../shared/preferences/storage';
import { $, announce } from '../shared/ui/dom';
import { describeOverrides } from './fields';

/** "https://www.meti.go.jp" sorts under "meti.go.jp", next to "http://meti.go.jp". */
function sortKey(origin: string): string {
  const { hostname, protocol, port } = new URL(origin);
  return `${hostname.replace(/^www\./, '')} ${hostname} ${protocol} ${port}`;
}

function joinList(items: string[]): string {
  const lang = browser.i18n.getUILanguage();
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

export interface SiteList {
  render(): Promise<void>;
}

export function setUpSiteList(): SiteList {
  const list = $<HTMLUListElement>('site-list');
  const empty = $('sites-empty');
  const heading = $('sites-heading');
  /** Where focus goes after the next render: a row's button, or the heading when the list is gone. */
  let focusAfterRender: string | 'heading' | undefined;

  function row(origin: string, site: SitePreferences, index: number): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'row';
    item.dataset.origin = origin;
    const text = document.createElement('div');
    const name = document.createElement('strong');
    name.className = 'origin';
    name.id = `site-${index}`;
    name.textContent = origin;
    const overrides = document.createElement('span');
    overrides.className = 'detail';
    overrides.id = `site-${index}-detail`;
    const descriptions = describeOverrides(site, t);
    overrides.textContent = descriptions.length > 0 ? joinList(descriptions) : t('optionsSiteNoOverrides');
    text.append(name, overrides);
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = t('optionsSiteRemove');
    // The visible text stays the start of the name; the site and what it loses are read after it.
    remove.setAttribute('aria-describedby', `${name.id} ${overrides.id}`);
    remove.addEventListener('click', () => void removeSite(origin));
    item.append(text, remove);
    return item;
  }

  async function removeSite(origin: string): Promise<void> {
    const rows = [...list.querySelectorAll<HTMLLIElement>('li[data-origin]')];
    const index = rows.findIndex((item) => item.dataset.origin === origin);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusAfterRender = neighbour?.dataset.origin ?? 'heading';
    await forgetSite(origin);
    announce(t('optionsSiteRemoved', origin));
    await render();
  }

  let latestRender = 0;

  async function render(): Promise<void> {
    const thisRender = ++latestRender;
    const sites = await loadAllSites();
    if (thisRender !== latestRender) return; // a newer render has fresher data
    const focused = document.activeElement?.closest<HTMLLIElement>('#site-list li[data-origin]')?.dataset.origin;
    const origins = [...sites.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    list.replaceChildren(...origins.map((origin, index) => row(origin, sites.get(origin) ?? {}, index)));
    list.hidden = origins.length === 0;
    empty.hidden = origins.length > 0;

    // Re-rendering replaces the buttons: keep keyboard focus where the user is.
    const target = focusAfterRender ?? focused;
    focusAfterRender = undefined;
    if (target === undefined) return;
    const button = [...list.querySelectorAll<HTMLLIElement>('li[data-origin]')]
      .find((item) => item.dataset.origin === target)
      ?.querySelector('button');
    if (button) button.focus();
    else if (target === 'heading' || focused !== undefined) heading.focus();
  }

  return { render };
}
