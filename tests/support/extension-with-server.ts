/** One browser with the extension and one fixture server per test file (or describe block), closed after it. */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { clearPreferences, type ExtensionSession, launchWithExtension } from './chromium';
import {
  clearPreferences as clearFirefoxPreferences,
  type FirefoxExtensionSession,
  type FirefoxLaunchOptions,
  launchFirefoxWithExtension,
  openPage,
  waitForAutoApply,
} from './firefox';
import { type FixtureServer, startFixtureServer } from './fixture-server';

function useBrowserWithServer<Session extends { close(): Promise<void> }>(
  launch: () => Promise<Session>,
  ready: (server: FixtureServer, session: Session) => void,
  timeoutMs?: number,
): void {
  let server: FixtureServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launch();
    ready(server, session);
  }, timeoutMs);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
}

export function useExtensionWithServer(ready: (server: FixtureServer, session: ExtensionSession) => void): void {
  useBrowserWithServer(() => launchWithExtension(), ready);
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

/** The same with Firefox ESR, which can take long to start on a shared 2-core machine. */
export function useFirefoxExtensionWithServer(
  ready: (server: FixtureServer, session: FirefoxExtensionSession) => void,
  options: FirefoxLaunchOptions = {},
): void {
  useBrowserWithServer(() => launchFirefoxWithExtension(options), ready, 120_000);
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
