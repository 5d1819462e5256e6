/** One browser with the extension and one fixture server per test file (or describe block), closed after it. */
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionSession, launchWithExtension } from './chromium';
import { type FirefoxExtensionSession, type FirefoxLaunchOptions, launchFirefoxWithExtension } from './firefox';
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

/** The same with Firefox ESR, which can take long to start on a shared 2-core machine. */
export function useFirefoxExtensionWithServer(
  ready: (server: FixtureServer, session: FirefoxExtensionSession) => void,
  options: FirefoxLaunchOptions = {},
): void {
  useBrowserWithServer(() => launchFirefoxWithExtension(options), ready, 120_000);
}
