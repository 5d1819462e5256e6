/**
 * Feature scripts run in a page only while the feature is used, so the
 * always-on content script stays small: the page adjustments and the reading
 * ruler and furigana (asked for by the content script when their preferences are on) and
 * read aloud on the live page (started by its command).
 */
import browser from 'webextension-polyfill';
import adjustmentsScript from '../page-tools/adjustments/adjustments.iife.ts?script';
import furiganaScript from '../page-tools/furigana/furigana.iife.ts?script';
import lineFocusScript from '../page-tools/line-focus/line-focus.iife.ts?script';
import pageButtonScript from '../page-tools/page-button/page-button.iife.ts?script';
import readAloudScript from '../page-tools/read-aloud/read-aloud.iife.ts?script';
import unclipScript from '../page-tools/unclip/unclip.iife.ts?script';
import type { PageToolName, ReadAloudMode } from '../shared/messages';
import { sendToTab } from '../shared/messaging';

export const PAGE_TOOL_SCRIPTS: Record<PageToolName, string> = {
  'line-focus': lineFocusScript,
  adjustments: adjustmentsScript,
  unclip: unclipScript,
  'page-button': pageButtonScript,
  furigana: furiganaScript,
};

export async function loadPageTool(tabId: number, frameId: number, tool: PageToolName): Promise<boolean> {
  try {
    // At once, not at document_idle: the content script asking for it is already running, and
    // Chromium waiting for idle while our automatic scripts were re-registered reported the script
    // run without running it (about 1 page load in 4 in that case).
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [PAGE_TOOL_SCRIPTS[tool]],
      injectImmediately: true,
    });
    return true;
  } catch (error) {
    console.info(`[EasyRead] cannot load ${tool}:`, error);
    return false;
  }
}

/** Reads the page's selection, or else switches point-to-read on or off; top frame only. */
export async function toggleReadAloud(tabId: number): Promise<ReadAloudMode> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [readAloudScript], injectImmediately: true });
  const reply = await sendToTab(tabId, { type: 'read-aloud-toggle' });
  return reply.mode;
}
