import browser from 'webextension-polyfill';

/**
 * The tab the popup acts on: the active tab, or `?tab=<id>` when the popup is
 * opened as a page (end-to-end tests, or a user who pinned it in a tab).
 */
export async function findTargetTab(): Promise<browser.Tabs.Tab | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) return browser.tabs.get(requested).catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}
