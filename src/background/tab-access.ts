/**
 * Runs the content script in a tab on demand: with activeTab (the toolbar
 * button or a shortcut) this is the only way in; on sites granted for
 * automatic use it is already there and the script ignores the second copy.
 */
import browser from 'webextension-polyfill';
import contentScript from '../content/main.iife.ts?script';

export async function attachToTab(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [contentScript], injectImmediately: true });
    return true;
  } catch (error) {
    console.info('[EasyRead] cannot run in this tab:', error);
    return false;
  }
}
