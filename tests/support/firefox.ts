/**
 * Debian's Firefox ESR with the built add-on installed (puppeteer-core over
 * WebDriver BiDi, no downloaded browser). Mirrors tests/support/chromium.ts.
 *
 * Two things automation cannot do in Firefox, and how the test copy of
 * dist/firefox works around them (the shipped package is never changed):
 *
 * - Click permission prompts. The test copy's manifest lists
 *   `host_permissions: ["http://127.0.0.1/*"]` (the shipped one keeps every
 *   host optional). Firefox 127+ grants the host permissions an MV3 add-on
 *   asks for at install time while `extensions.originControls.grantByDefault`
 *   is true; that is the default (also for temporary installs, as
 *   installExtension does), and we set it explicitly so the tests do not
 *   depend on the default. launchFirefoxWithExtension() checks with
 *   permissions.getAll() that the grant really happened.
 *
 * - Open a moz-extension:// page: automation may not navigate to one, only the
 *   add-on itself can (the uuid is random per profile too). The test copy
 *   therefore carries a test-only background script, test-driver.js, that
 *   opens the popup page as a tab on install. That tab is the "driver": an
 *   extension page that sends `run-command` exactly as the popup does.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import type WebExtension from 'webextension-polyfill';
import { createExtensionErrorLog, type ExtensionErrorLog, failingCode, leftoverErrors, registerErrorLog } from './extension-errors';
import { collectFirefoxErrors, FIREFOX_ERROR_PREFS, FIREFOX_SYSTEM_ACCESS_ARGS } from './firefox-errors';
import { setSystemColorScheme, useJapaneseUiLanguage } from './firefox-privileged';
import { fontSizes } from './page-checks';

// The add-on API as seen inside the driver page (functions below run there via page.evaluate).
declare const browser: WebExtension.Browser;

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve(import.meta.dirname, '../../dist/firefox');

/** Query string that marks the popup page opened by test-driver.js. */
const DRIVER_MARKER = 'driver=1';
const DRIVER_SCRIPT = 'test-driver.js';
/** Message the test driver's background script answers by failing on purpose. */
export const FAIL_IN_BACKGROUND = 'easyread-self-test-fail-in-background';

export function assertFirefoxInstalled(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  }
  if (!existsSync(join(FIREFOX_DIST, 'manifest.json'))) throw new Error('dist/firefox is missing: run `npm run build` first.');
}

/**
 * TEST-ONLY background script, written into the test copy only (never into
 * dist/firefox). Listed first in background.scripts. It opens the popup page
 * as a tab once, on install; an event page that is suspended and woken up
 * again does not get another onInstalled, so there is only ever one driver.
 */
const TEST_DRIVER_SOURCE = `// TEST-ONLY: added by tests/support/firefox.ts to the test copy of dist/firefox; not part of the add-on.
browser.runtime.onInstalled.addListener(() => {
  void browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html?${DRIVER_MARKER}'), active: false });
});
// The error collector's self-test (tests/e2e/firefox/extension-errors.test.ts) makes the background fail on purpose.
browser.runtime.onMessage.addListener((message) => {
  if (message?.type !== '${FAIL_IN_BACKGROUND}') return undefined;
  ${failingCode('the background')};
  return Promise.resolve(true);
});
`;

/**
 * TEST-ONLY file of the test copy: fails on purpose where it is run, for the
 * error collector's self-test (run in a page's content-script world with scripting.executeScript).
 */
export const FAILING_CONTENT_SCRIPT = 'test-failing-content-script.js';

/**
 * Copies dist/firefox and patches the copy's manifest.json (the patch exists
 * only in this copy): grants host access to the fixture server and adds the
 * test-only driver script first in background.scripts.
 */
export async function makeFirefoxTestCopy(hostPatterns = ['http://127.0.0.1/*']): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'easyread-firefox-'));
  await cp(FIREFOX_DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = hostPatterns;
  manifest.background.scripts = [DRIVER_SCRIPT, ...manifest.background.scripts];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, DRIVER_SCRIPT), TEST_DRIVER_SOURCE);
  await writeFile(join(dir, FAILING_CONTENT_SCRIPT), `// TEST-ONLY (tests/support/firefox.ts)\n${failingCode('a content script')};\n`);
  return dir;
}

export const FIREFOX_PREFS: Record<string, unknown> = {
  // Grant the manifest's host_permissions at install (Firefox's default; see the comment at the top).
  'extensions.originControls.grantByDefault': true,
  'intl.accept_languages': 'en-US',
  'intl.locale.requested': 'en-US',
  'ui.systemUsesDarkTheme': 0,
  // As a site the user allowed: autoplay with sound plays (stop motion must be seen pausing it).
  'media.autoplay.default': 0,
};

/** Prefs that save every download to `dir` without asking (Firefox has no download event over BiDi to wait on). */
export function downloadPrefs(dir: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
  };
}

/**
 * The one file downloaded into `dir` (see downloadPrefs), once Firefox has
 * finished it: while it is in progress a .part file sits next to it.
 */
export async function waitForDownload(dir: string, timeoutMs = 15_000): Promise<{ name: string; content: string }> {
  const deadline = Date.now() + timeoutMs;
  let names: string[] = [];
  while (Date.now() < deadline) {
    names = await readdir(dir);
    const done = names.filter((name) => !name.endsWith('.part'));
    if (done.length === 1 && names.length === 1) {
      const content = await readFile(join(dir, done[0]), 'utf8');
      if (content.length > 0) return { name: done[0], content };
    }
    if (done.length > 1) throw new Error(`expected one download in ${dir}, found ${JSON.stringify(names)}`);
    await new Promise((finished) => setTimeout(finished, 100));
  }
  throw new Error(`no finished download in ${dir} (found ${JSON.stringify(names)})`);
}

/** Firefox with the system in dark mode: Puppeteer cannot emulate prefers-color-scheme over BiDi, so it is a launch option (or see setColorScheme). */
export const FIREFOX_DARK_MODE: FirefoxLaunchOptions = { prefs: { 'ui.systemUsesDarkTheme': 1 } };

/** Firefox in Japanese: its UI language (so the add-on's _locales/ja) and the languages pages are asked in. */
export const FIREFOX_JAPANESE: FirefoxLaunchOptions = { language: 'ja', prefs: { 'intl.accept_languages': 'ja' } };

export interface FirefoxExtensionSession {
  browser: Browser;
  extensionId: string;
  extensionDir: string;
  /** The popup page opened as a tab by the add-on itself; commands are sent from it as the popup sends them. */
  driver: Page;
  /** Errors of ours seen so far (extension-errors.ts); each test fails on any it leaves here. */
  errors: ExtensionErrorLog;
  /** Our temporary package copy (Puppeteer removes its own profile): close() removes it, as does the end of the run for a shared session. */
  tempDirs: readonly string[];
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Added to FIREFOX_PREFS (same name: this one wins), e.g. { 'ui.systemUsesDarkTheme': 1 } for dark mode. */
  prefs?: Record<string, unknown>;
  /** The browser's UI language when the add-on is installed (default en-US); see FIREFOX_JAPANESE. */
  language?: 'ja';
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtensionSession> {
  assertFirefoxInstalled();
  const extensionDir = options.extensionDir ?? (await makeFirefoxTestCopy());
  let firefox: Browser | undefined;
  const errors = createExtensionErrorLog('Firefox');
  let unregisterErrors: () => void = () => undefined;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      // headless: false is for `npm run start:firefox` with a display; tests always run headless.
      headless: options.headless ?? true,
      protocol: 'webDriverBiDi',
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...FIREFOX_ERROR_PREFS, ...options.prefs },
      // The error collector reads the Browser Console (firefox-browser-console.ts).
      args: FIREFOX_SYSTEM_ACCESS_ARGS,
      // A shared 2-core machine can be slow to start Firefox.
      timeout: 60_000,
      protocolTimeout: 60_000,
    });
    let driver: Page | undefined;
    let extensionOrigin: string | undefined;
    collectFirefoxErrors(firefox, { extensionOrigin: () => extensionOrigin, driver: () => driver }, errors, errors.flushers);
    unregisterErrors = registerErrorLog(errors, 'Firefox');
    if (options.language === 'ja') await useJapaneseUiLanguage(firefox);
    const extensionId = await firefox.installExtension(extensionDir);
    driver = await findExtensionPage(
      firefox,
      (href) => href.includes(DRIVER_MARKER),
      'the test driver page (the popup opened by test-driver.js)',
    );
    extensionOrigin = await driver.evaluate(() => location.origin); // moz-extension://<uuid>
    // Automatic scripts are registered on install (runtime.onInstalled); wait until that has happened.
    await driver.evaluate(async () => {
      for (let i = 0; i < 200; i++) {
        if ((await browser.scripting.getRegisteredContentScripts()).length > 0) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`no automatic content script registered; granted: ${JSON.stringify(await browser.permissions.getAll())}`);
    });
    const session = {
      browser: firefox,
      extensionId,
      extensionDir,
      driver,
      errors,
      tempDirs: options.extensionDir ? [] : [extensionDir],
      async close() {
        const leftover = await leftoverErrors(errors, 'Firefox');
        unregisterErrors();
        await firefox?.close();
        if (!options.extensionDir) await rm(extensionDir, { recursive: true, force: true });
        if (leftover) throw leftover;
      },
    };
    await assertHostAccess(session, 'http://127.0.0.1/*');
    return session;
  } catch (error) {
    unregisterErrors();
    await firefox?.close().catch(() => undefined);
    if (!options.extensionDir) await rm(extensionDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A tab showing one of the add-on's own pages (the driver, the welcome page
 * opened on install, a page openExtensionPage asked for), once loaded.
 * Puppeteer sees such a tab as a page but, as navigations to moz-extension://
 * are not reported over BiDi, page.url() stays "about:blank": ask each page
 * for its real location instead. Pages in `skip` are not considered.
 */
async function findExtensionPage(
  firefox: Browser,
  matches: (href: string) => boolean,
  what: string,
  skip: ReadonlySet<Page> = new Set(),
  timeoutMs = 30_000,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await firefox.pages()) {
      if (skip.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && matches(href)) {
        // The page's script must have loaded (it is a module; `browser` exists before it runs).
        await page.waitForFunction(() => document.readyState === 'complete', { polling: 100, timeout: 30_000 });
        return page;
      }
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${what} did not open`);
}

/** `path` may carry a query (the popup page for a given tab: `src/popup/index.html?tab=4`). */
const isExtensionPath = (path: string) => (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}` === `/${path}`;
};

/** The tab the add-on itself opened on `path` (e.g. the welcome page it opens on install). */
export function findOpenedExtensionPage(session: FirefoxExtensionSession, path: string): Promise<Page> {
  return findExtensionPage(session.browser, isExtensionPath(path), path, new Set([session.driver]));
}

/**
 * Opens one of the add-on's pages (a path in the package, e.g.
 * "src/options/index.html") in a new tab in the foreground (so
 * requestAnimationFrame runs and keys reach it). Automation may not navigate
 * to moz-extension:// (see the top of this file): the driver page opens it
 * with tabs.create, as the add-on would.
 */
export async function openExtensionPage(session: FirefoxExtensionSession, path: string): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    const before = new Set(await session.browser.pages());
    const tabId = await session.driver.evaluate(
      async (path) => (await browser.tabs.create({ url: browser.runtime.getURL(path), active: true })).id,
      path,
    );
    try {
      const page = await findExtensionPage(session.browser, isExtensionPath(path), path, before, 15_000);
      await page.bringToFront();
      return page;
    } catch (error) {
      // Seen once in a full CI run: the tab opened but Puppeteer was never told of it over
      // WebDriver BiDi. That is the harness, not the add-on: close it and open a fresh one once.
      await session.driver.evaluate((id) => (id === undefined ? undefined : browser.tabs.remove(id)), tabId).catch(() => undefined);
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Switches the system colour scheme while Firefox runs (cheaper than a second
 * browser with FIREFOX_DARK_MODE) and waits until the add-on's pages see it.
 */
export async function setColorScheme(session: FirefoxExtensionSession, scheme: 'light' | 'dark'): Promise<void> {
  await setSystemColorScheme(session.browser, scheme);
  await session.driver.waitForFunction(
    (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
    { polling: 50 },
    scheme === 'dark',
  );
}

/** Closes every tab but the driver (pages left by a test must not receive the next test's keys or storage events). */
export async function closeOtherPages(session: FirefoxExtensionSession): Promise<void> {
  for (const page of await session.browser.pages()) if (page !== session.driver) await page.close().catch(() => undefined);
}

async function assertHostAccess(session: FirefoxExtensionSession, pattern: string): Promise<void> {
  const granted = await session.driver.evaluate(async () => (await browser.permissions.getAll()).origins ?? []);
  if (!granted.includes(pattern)) {
    throw new Error(
      `Firefox did not grant ${pattern} to the test copy (granted: ${JSON.stringify(granted)}); check extensions.originControls.grantByDefault`,
    );
  }
}

/** Opens a new tab (in the foreground, so requestAnimationFrame runs) on a URL. */
export async function openPage(session: FirefoxExtensionSession, url: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.bringToFront();
  return page;
}

export async function tabIdOf(session: FirefoxExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const ids = await session.driver.evaluate(async (target) => {
    // Without the "tabs" permission Firefox shows tab.url only where the add-on has host access: the fixture server.
    const tabs = await browser.tabs.query({});
    return tabs.filter((tab) => tab.url === target).map((tab) => tab.id);
  }, url);
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one tab for ${url}, found ${ids.length}`);
  return ids[0];
}

export type RunCommandResult = { ok: boolean; textScale?: number; scope?: string; error?: string; detail?: string };

/** Sends a command exactly as the popup and the shortcut handler do. */
export async function runCommand(session: FirefoxExtensionSession, page: Page, command: string): Promise<RunCommandResult> {
  const tabId = await tabIdOf(session, page);
  return session.driver.evaluate(
    (command, tabId) => browser.runtime.sendMessage({ type: 'run-command', command, tabId }) as Promise<RunCommandResult>,
    command,
    tabId,
  );
}

export async function clearPreferences(session: FirefoxExtensionSession): Promise<void> {
  await session.driver.evaluate(async () => {
    await browser.storage.sync.clear();
    await browser.storage.local.clear();
  });
}

export async function storedPreferences(session: FirefoxExtensionSession): Promise<Record<string, unknown>> {
  return session.driver.evaluate(() => browser.storage.sync.get(null));
}

/** Both storage areas, as the preferences module reads them. */
export async function storageAreas(
  session: FirefoxExtensionSession,
): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return session.driver.evaluate(async () => ({
    sync: await browser.storage.sync.get(null),
    local: await browser.storage.local.get(null),
  }));
}

/** Writes to storage.sync as another part of the add-on (the popup, another device through sync) would. */
export async function storePreferences(session: FirefoxExtensionSession, items: Record<string, unknown>): Promise<void> {
  await session.driver.evaluate((items) => browser.storage.sync.set(items), items);
}

/**
 * Waits until the automatic content script registration carries the boot file
 * for `textScale` (boot files for other settings, e.g. colours, may be there
 * too); at 100%, until it carries no boot file at all, as after
 * clearPreferences. The background re-registers shortly after
 * each preference change (debounced); a page loaded before that gets the
 * previous size in its first frame and corrects it once storage is read.
 */
export async function waitForAutoApply(session: FirefoxExtensionSession, textScale: number, timeoutMs = 15_000): Promise<void> {
  const boot = `boot/textScale-${textScale}.js`;
  await session.driver.evaluate(
    async (boot, expectBoot, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      let last: unknown;
      while (Date.now() < deadline) {
        const scripts = (await browser.scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith('auto-'));
        last = scripts.map((script) => ({ id: script.id, js: script.js }));
        const files = scripts.flatMap((script) => script.js ?? []);
        const bootFiles = files.filter((file) => /(^|\/)boot\//.test(file));
        const sizeFiles = bootFiles.filter((file) => file.includes('boot/textScale-'));
        const ok = expectBoot
          ? sizeFiles.length > 0 && sizeFiles.every((file) => file.endsWith(boot))
          : files.length > 0 && bootFiles.length === 0;
        if (ok) return;
        await new Promise((done) => setTimeout(done, 50));
      }
      throw new Error(`automatic scripts did not settle on ${expectBoot ? boot : 'no boot file'}: ${JSON.stringify(last)}`);
    },
    boot,
    textScale !== 100,
    timeoutMs,
  );
}

// Shared with the Chromium tests (page-checks.ts works with both libraries).
export { fontSizes };

/**
 * Waits (polling, not rAF: it must not depend on the tab being painted) until
 * every element matching selector has the expected computed font size, in
 * document order. On timeout the error shows the sizes last seen.
 */
export async function waitForFontSizes(
  page: Page,
  selector: string,
  expected: number[],
  tolerance = 0.06,
  timeoutMs = 15_000,
): Promise<void> {
  try {
    await page.waitForFunction(
      (selector, expected, tolerance) => {
        const sizes = Array.from(document.querySelectorAll(selector), (element) => Number.parseFloat(getComputedStyle(element).fontSize));
        return sizes.length === expected.length && sizes.every((size, i) => Math.abs(size - expected[i]) <= tolerance);
      },
      { polling: 100, timeout: timeoutMs },
      selector,
      expected,
      tolerance,
    );
  } catch (error) {
    const actual = await fontSizes(page, selector).catch(() => 'unreadable');
    throw new Error(
      `font sizes of ${selector} did not become ${JSON.stringify(expected)} (±${tolerance}); last: ${JSON.stringify(actual)}`,
      {
        cause: error,
      },
    );
  }
}

/** Frames of the tab showing the reader page, in the order they were added. Over BiDi an add-on frame's url() reads about:blank: each frame is asked. */
export async function readerFramesOf(page: Page): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith('moz-extension://') && new URL(href).pathname === '/src/reader/reader.html') frames.push(frame);
  }
  return frames;
}

export async function waitForReaderFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [frame] = await readerFramesOf(page);
    if (frame) return frame;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('no reader frame appeared');
}

export async function waitForReaderGone(page: Page, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readerFramesOf(page)).length > 0) {
    if (Date.now() > deadline) throw new Error('the reader frame is still there');
    await new Promise((done) => setTimeout(done, 50));
  }
}
