/**
 * The browsers every bench section measures in: the harness's Chromium with the extension (test copy granting
 * http://127.0.0.1/*) and the same Chromium, same flags, persistent profile and viewport, with no extension at all;
 * plus the fixture server both load pages from. Used by `npm run bench` and `npm run bench:reader`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, type ExtensionSession, launchWithExtension } from '../../../tests/support/chromium.ts';
import { type FixtureServer, startFixtureServer } from '../../../tests/support/fixture-server.ts';

/** tsx (esbuild keepNames) wraps inner functions in __name(); serialised into a page they need this no-op. */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

export interface BenchBrowsers {
  server: FixtureServer;
  /** Chromium with EasyRead loaded. */
  session: ExtensionSession;
  /** The same Chromium without any extension: the browser's own side of each comparison. */
  plain: BrowserContext;
  close(): Promise<void>;
}

/** `extensionDir` measures another unpacked build (with host access), for before/after comparisons. */
export async function launchBenchBrowsers(options: { extensionDir?: string } = {}): Promise<BenchBrowsers> {
  const server = await startFixtureServer();
  const session = await launchWithExtension(options.extensionDir ? { extensionDir: options.extensionDir } : {});
  const plainProfile = await mkdtemp(join(tmpdir(), 'easyread-bench-plain-'));
  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  for (const context of [session.context, plain]) await context.addInitScript({ content: NAME_SHIM });
  return {
    server,
    session,
    plain,
    async close() {
      await plain.close();
      await rm(plainProfile, { recursive: true, force: true });
      await session.close();
      await server.close();
    },
  };
}

/** The Chromium version and user agent, for the report's heading. */
export async function browserIdentity(browsers: BenchBrowsers): Promise<{ version: string; userAgent: string }> {
  const probePage = await browsers.plain.newPage();
  const userAgent = await probePage.evaluate(() => navigator.userAgent);
  await probePage.close();
  const version = browsers.session.context.browser()?.version() ?? userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
  return { version, userAgent };
}
