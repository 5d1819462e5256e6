/**
 * Reading mode on real-world page shapes in Debian's Chromium: the shared
 * scenarios of tests/support/reading-mode-scenarios.ts (the Firefox file runs
 * the same ones).
 */
import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clickInFrame,
  type ExtensionSession,
  readerFramesOf,
  runCommand,
  setGlobalPreferences,
  tabIdOf,
  waitForReaderGone,
} from '../../support/chromium';
import { useFreshTabPerTest } from '../../support/extension-with-server';
import type { FixtureServer } from '../../support/fixture-server';
import { type ReaderFrame, type ReaderHarness, readerScenarios } from '../../support/reading-mode-scenarios';

let server: FixtureServer;
let session: ExtensionSession;
let page: Page;
let errors: string[] = [];
let listening: ExtensionSession | undefined;

useFreshTabPerTest((fresh) => ({ server, session, page } = fresh));

function readerFrame(frame: Frame): ReaderFrame {
  return {
    evaluate: (script) => frame.evaluate(script),
    click: (selector, how = {}) => clickInFrame(page, frame, selector, how),
  };
}

/** What chrome://extensions lists as the extension's errors: console errors and uncaught errors of its pages and worker. */
function collectErrors(): void {
  if (listening === session) return;
  listening = session;
  // chrome-extension://invalid/ is where Chromium files a web page's refused request for one of our files (one
  // scenario has the page try, as a hostile page would): the page's error, not ours.
  const ours = (message: ConsoleMessage) =>
    message.type() === 'error' &&
    !message.location().url.startsWith('chrome-extension://invalid/') &&
    (message.location().url.startsWith('chrome-extension://') || /Content Security Policy/.test(message.text()));
  session.context.on('console', (message) => {
    if (ours(message)) errors.push(`${message.location().url}: ${message.text()}`);
  });
  session.worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`worker: ${message.text()}`);
  });
  session.context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
}

beforeEach(() => {
  collectErrors();
  errors = [];
});

const harness: ReaderHarness = {
  get server() {
    return server;
  },
  async open(path) {
    await page.goto(server.url(path));
    return page;
  },
  page: () => page,
  async toggleReader() {
    const reply = (await runCommand(session, page, 'toggle-reading-mode')) as { readerOpen?: boolean };
    return reply.readerOpen === true;
  },
  async readerFrame() {
    for (let i = 0; i < 300; i++) {
      for (const frame of readerFramesOf(page)) {
        if (await frame.$('#article:not([hidden]), #notice:not([hidden])').catch(() => null)) return readerFrame(frame);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error('no reader frame showed an article or a notice');
  },
  readerFrames: async () => readerFramesOf(page).map(readerFrame),
  readerGone: () => waitForReaderGone(page),
  async waitForPageUrl(url) {
    await page.waitForURL(url);
    return page;
  },
  tabCount: async () => session.context.pages().length,
  tabId: () => tabIdOf(session, page),
  setGlobalPreferences: (patch) => setGlobalPreferences(session, patch),
  extensionErrors: async () => [...errors],
};

// Whatever the scenario, the browser lists no error of the extension afterwards.
afterEach(() => {
  expect(errors).toEqual([]);
});

describe('reading mode on real pages (Chromium)', () => {
  for (const [name, scenario] of Object.entries(readerScenarios)) it(name, () => scenario(harness));
});
