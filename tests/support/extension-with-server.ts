/** One browser with the extension and one fixture server per test file, closed after it. */
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionSession, launchWithExtension } from './chromium';
import { type FixtureServer, startFixtureServer } from './fixture-server';

export function useExtensionWithServer(ready: (server: FixtureServer, session: ExtensionSession) => void): void {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchWithExtension();
    ready(server, session);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
}
