/** Keyboard shortcuts in Firefox ESR: every suggested key is given by the browser (Chrome stops at four). */
import { describe, expect, it } from 'vitest';
import { useFirefoxExtensionWithServer } from '../../support/extension-with-server';
import type { FirefoxExtensionSession } from '../../support/firefox';

let session: FirefoxExtensionSession;

useFirefoxExtensionWithServer((_server, readySession) => {
  session = readySession;
});

describe('Firefox shortcuts', () => {
  it('gets every suggested shortcut from the browser, reset included (no four-key limit here)', async () => {
    const { manifest, commands } = await session.driver.evaluate(async () => ({
      manifest: browser.runtime.getManifest(),
      commands: await browser.commands.getAll(),
    }));
    const suggested = Object.entries(manifest.commands ?? {}).filter(
      ([, command]) => (command as { suggested_key?: unknown }).suggested_key,
    );
    expect(suggested.map(([name]) => name)).toContain('reset-text-size');
    for (const [name] of suggested) expect(commands.find((command) => command.name === name)?.shortcut, name).toBeTruthy();
  });
});
