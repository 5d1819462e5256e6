/** A browser with the extension (one shared by the run, or the file's own) and one fixture server per test file (or describe block). */

import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type WebExtension from 'webextension-polyfill';
import { CHROMIUM_JAPANESE, clearPreferences, type ExtensionSession, launchWithExtension } from './chromium';
import { leftoverErrors } from './extension-errors';
import {
  clearPreferences as clearFirefoxPreferences,
  closeOtherPages,
  type FirefoxExtensionSession,
  type FirefoxLaunchOptions,
  launchFirefoxWithExtension,
  openPage,
  setColorScheme,
  waitForAutoApply,
} from './firefox';
import { type FixtureServer, startFixtureServer } from './fixture-server';

// The add-on API as seen inside the driver page (tidyFirefox runs code there).
declare const browser: WebExtension.Browser;

/**
 * How a file's browser is got and given back. `shared`: one browser per run
 * for every file that asks (see sharedSession); otherwise launched for the
 * file and closed after it.
 */
interface SessionSource<Session> {
  launch(): Promise<Session>;
  shared?: { key: string; tidy(session: Session): Promise<void> };
}

/**
 * Browsers kept for the whole run (Firefox's, and a Japanese Chromium; see
 * useExtensionWithServer for why not every Chromium). tests/e2e/vitest.config.ts
 * runs the files one after another in one process (isolate: false), so this
 * map outlives a file. A Firefox launch costs about 7 s, 18 times a run, and a file that starts
 * every test from cleared settings needs nothing a fresh profile has.
 * Between files the browser is tidied (every tab but the driver closed,
 * settings cleared, errors of ours checked). When the run's process exits,
 * the drivers end their browser and our temporary copies go.
 */
const sharedSessions = new Map<string, Promise<unknown>>();

function sharedSession<Session extends { tempDirs?: readonly string[] }>(key: string, launch: () => Promise<Session>): Promise<Session> {
  let session = sharedSessions.get(key) as Promise<Session> | undefined;
  if (!session) {
    session = launch();
    sharedSessions.set(key, session);
    session.then(
      (ready) =>
        process.once('exit', () => {
          for (const dir of ready.tempDirs ?? []) rmSync(dir, { recursive: true, force: true });
        }),
      () => sharedSessions.delete(key),
    );
  }
  return session;
}

function useBrowserWithServer<Session extends { close(): Promise<void>; tempDirs?: readonly string[] }>(
  source: SessionSource<Session>,
  ready: (server: FixtureServer, session: Session) => void,
  timeoutMs?: number,
): void {
  let server: FixtureServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await (source.shared ? sharedSession(source.shared.key, source.launch) : source.launch());
    ready(server, session);
  }, timeoutMs);
  afterAll(async () => {
    try {
      if (session && source.shared) await source.shared.tidy(session);
      else await session?.close();
    } finally {
      await server?.close();
    }
  }, timeoutMs);
}

/** The shared Firefox between files: only the driver left open, settings cleared, no errors of ours left over. */
async function tidyFirefox(session: FirefoxExtensionSession): Promise<void> {
  await closeOtherPages(session);
  await clearFirefoxPreferences(session);
  // What a new browser would not have either: the session area, a dark system scheme a test left.
  await session.driver.evaluate(() => browser.storage.session.clear());
  await setColorScheme(session, 'light');
  await waitForAutoApply(session, 100);
  const leftover = await leftoverErrors(session.errors, 'Firefox');
  if (leftover) throw leftover;
}

/**
 * Chromium gets a browser per file: storage.sync allows 120 writes a minute
 * per extension, which one browser shared by back-to-back files exceeds (and
 * a Chromium launch costs only about 3 s).
 */
export function useExtensionWithServer(ready: (server: FixtureServer, session: ExtensionSession) => void): void {
  useBrowserWithServer({ launch: () => launchWithExtension() }, ready);
}

/** The shared Chromium between files: only the driver left open, settings cleared, no errors of ours left over. */
async function tidyChromium(session: ExtensionSession): Promise<void> {
  for (const page of session.context.pages()) if (page !== session.driver) await page.close();
  await clearPreferences(session);
  const leftover = await leftoverErrors(session.errors, 'Chromium');
  if (leftover) throw leftover;
}

/**
 * A Chromium in Japanese, shared by the "in Japanese" blocks of the run's
 * files: each writes a few settings at most, far from the 120 a minute.
 */
export function useJapaneseChromiumWithServer(ready: (server: FixtureServer, session: ExtensionSession) => void): void {
  useBrowserWithServer({ launch: () => launchWithExtension(CHROMIUM_JAPANESE), shared: { key: 'chromium-ja', tidy: tidyChromium } }, ready);
}

export interface FreshTab {
  server: FixtureServer;
  session: ExtensionSession;
  /** A new tab for this test; the previous test's tab is closed. */
  page: Page;
}

/** useExtensionWithServer, and before each test: every setting back to its default and a new tab. */
export function useFreshTabPerTest(ready: (fresh: FreshTab) => void): void {
  let server: FixtureServer;
  let session: ExtensionSession;
  let page: Page | undefined;
  useExtensionWithServer((readyServer, readySession) => {
    server = readyServer;
    session = readySession;
  });
  beforeEach(async () => {
    await page?.close();
    await clearPreferences(session);
    page = await session.context.newPage();
    ready({ server, session, page });
  });
}

/**
 * The same with Firefox ESR, which can take long to start on a shared 2-core
 * machine. Launch options (prefs) or `fresh` give the file a browser of its own.
 */
export function useFirefoxExtensionWithServer(
  ready: (server: FixtureServer, session: FirefoxExtensionSession) => void,
  options: FirefoxLaunchOptions & { fresh?: boolean } = {},
): void {
  const { fresh, ...launchOptions } = options;
  const shareable = !fresh && Object.keys(launchOptions).length === 0;
  useBrowserWithServer(
    { launch: () => launchFirefoxWithExtension(launchOptions), shared: shareable ? { key: 'firefox', tidy: tidyFirefox } : undefined },
    ready,
    120_000,
  );
}

/** Opens fixture pages in Firefox for the running test; every one of them is closed after it. */
export function useFirefoxPagesPerTest(
  ready: () => { server: FixtureServer; session: FirefoxExtensionSession },
): (path: string) => Promise<FirefoxPage> {
  const opened: FirefoxPage[] = [];
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });
  return async (path) => {
    const { server, session } = ready();
    const page = await openPage(session, server.url(path));
    opened.push(page);
    return page;
  };
}

/**
 * useFirefoxExtensionWithServer, and before each test every setting back to its default with the
 * automatic scripts carrying no boot file (pages the test opens load with nothing applied); fixture
 * pages are opened per test and closed after it. The Firefox twin of useFreshTabPerTest.
 */
export function useFirefoxFreshPages(
  ready: (server: FixtureServer, session: FirefoxExtensionSession) => void,
): (path: string) => Promise<FirefoxPage> {
  let server: FixtureServer;
  let session: FirefoxExtensionSession;
  useFirefoxExtensionWithServer((readyServer, readySession) => {
    server = readyServer;
    session = readySession;
    ready(server, session);
  });
  beforeEach(async () => {
    await clearFirefoxPreferences(session);
    await waitForAutoApply(session, 100);
  });
  return useFirefoxPagesPerTest(() => ({ server, session }));
}
