/**
 * Debian's Chromium with the built extension loaded (playwright-core, no
 * downloaded browser). Automation cannot click permission prompts, so tests
 * load a copy of dist/chrome whose manifest already grants http://127.0.0.1/* and http://localhost/*
 * (two origins of the one fixture server, for per-site tests);
 * the shipped package keeps the permission optional.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';
import { collectChromiumErrors } from './chromium-errors';
import { createExtensionErrorLog, type ExtensionErrorLog, leftoverErrors, registerErrorLog } from './extension-errors';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = resolve(import.meta.dirname, '../../dist/chrome');

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (!existsSync(join(CHROME_DIST, 'manifest.json'))) throw new Error('dist/chrome is missing: run `npm run build` first.');
}

/** Copies dist/chrome and grants host access to the fixture server. */
export async function makeTestCopy(hostPatterns = ['http://127.0.0.1/*', 'http://localhost/*']): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'easyread-chrome-'));
  await cp(CHROME_DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = hostPatterns;
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // As a site the user often visits: autoplay with sound is allowed (stop motion must be seen pausing it).
  '--autoplay-policy=no-user-gesture-required',
];

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionDir: string;
  /** An extension page (the popup page, opened as a tab) from which commands are sent as the popup sends them. */
  driver: Page;
  /** Errors of ours seen so far (extension-errors.ts); each test fails on any it leaves here. */
  errors: ExtensionErrorLog;
  /** Our temporary folders (profile, package copy): close() removes them, as does the end of the run for a shared session. */
  tempDirs: readonly string[];
  close(): Promise<void>;
}

/** Chromium in Japanese: its UI locale and the languages it sends. */
export const CHROMIUM_JAPANESE = { locale: 'ja-JP', languages: 'ja' } as const;

export async function launchWithExtension(
  options: {
    extensionDir?: string;
    locale?: string;
    languages?: string;
    colorScheme?: 'light' | 'dark';
    headless?: boolean;
    /** The browser's default font size (Settings → Appearance → Font size), written into the new profile. */
    defaultFontSize?: number;
  } = {},
): Promise<ExtensionSession> {
  assertChromiumInstalled();
  const extensionDir = options.extensionDir ?? (await makeTestCopy());
  const userDataDir = await mkdtemp(join(tmpdir(), 'easyread-profile-'));
  if (options.defaultFontSize) {
    await mkdir(join(userDataDir, 'Default'), { recursive: true });
    const preferences = { webkit: { webprefs: { default_font_size: options.defaultFontSize } } };
    await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      `--lang=${options.languages ?? 'en-US'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const errors = createExtensionErrorLog('Chromium');
  collectChromiumErrors(context, extensionId, errors, errors.flushers);
  const unregisterErrors = registerErrorLog(errors, 'Chromium');
  const driver = await context.newPage();
  await driver.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  // Automatic scripts are registered on install; wait until that has happened.
  await worker.evaluate(async () => {
    if (((await chrome.permissions.getAll()).origins ?? []).length === 0) return; // nothing granted, nothing to register
    for (let i = 0; i < 100; i++) {
      if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((done) => setTimeout(done, 50));
    }
  });
  return {
    context,
    worker,
    extensionId,
    extensionDir,
    driver,
    errors,
    tempDirs: options.extensionDir ? [userDataDir] : [userDataDir, extensionDir],
    async close() {
      const leftover = await leftoverErrors(errors, 'Chromium');
      unregisterErrors();
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
      if (!options.extensionDir) await rm(extensionDir, { recursive: true, force: true });
      if (leftover) throw leftover;
    },
  };
}

export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const url = page.url();
  const id = await session.driver.evaluate(async (target) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === target)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** Sends a command exactly as the popup and the shortcut handler do. */
export async function runCommand(
  session: ExtensionSession,
  page: Page,
  command: string,
): Promise<{ ok: boolean; textScale?: number; error?: string }> {
  const tabId = await tabIdOf(session, page);
  return session.driver.evaluate(({ command, tabId }) => chrome.runtime.sendMessage({ type: 'run-command', command, tabId }), {
    command,
    tabId,
  });
}

/**
 * Back to defaults, and waits until the automatic registration carries no boot
 * file any more: a page loaded before that would first show the old settings.
 */
export async function clearPreferences(session: ExtensionSession): Promise<void> {
  await session.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    for (let i = 0; i < 100; i++) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.length > 0 && !scripts.some((script) => script.js?.some((file) => file.startsWith('boot/')))) return;
      await new Promise((done) => setTimeout(done, 50));
    }
  });
}

/** Changes the settings for all sites as the popup would (fields merged into what is stored). */
export async function setGlobalPreferences(session: ExtensionSession, patch: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate(async (patch) => {
    const { preferences } = await chrome.storage.sync.get('preferences');
    await chrome.storage.sync.set({ preferences: { version: 1, ...(preferences ?? {}), ...patch } });
  }, patch);
}

export async function storedPreferences(session: ExtensionSession): Promise<Record<string, unknown>> {
  return session.worker.evaluate(() => chrome.storage.sync.get(null));
}

export { fontSizes } from './page-checks';

/** Waits until the first element matching selector has the expected computed font size. */
export async function waitForFontSize(page: Page, selector: string, expected: number, tolerance = 0.06): Promise<void> {
  await page.waitForFunction(
    ({ selector, expected, tolerance }) => {
      const element = document.querySelector(selector);
      return element !== null && Math.abs(Number.parseFloat(getComputedStyle(element).fontSize) - expected) <= tolerance;
    },
    { selector, expected, tolerance },
    { timeout: 5_000 },
  );
}

const READER_PATH = '/src/reader/reader.html';

/** Reader frames of the tab, in the order they were added (the reader's frame sits in a closed shadow root: found by its URL). */
export function readerFramesOf(page: Page): Frame[] {
  return page.frames().filter((frame) => frame.url().startsWith('chrome-extension://') && new URL(frame.url()).pathname === READER_PATH);
}

/** Waits for the tab's reader frame. */
export async function waitForReaderFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [frame] = readerFramesOf(page);
    if (frame) return frame;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('no reader frame appeared');
}

/** Waits until the tab has no reader frame. */
export async function waitForReaderGone(page: Page, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (readerFramesOf(page).length > 0) {
    if (Date.now() > deadline) throw new Error('the reader frame is still there');
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * A real pointer click, at the element's place on the screen, on something inside the reader's frame.
 * Playwright's own frame.click waits on a hit-target check that runs inside that frame; when the click's
 * handler removes the frame (Close), that check can be left waiting under load until the click times out
 * (seen once with the machine busy). The mouse of the page has no such tie to the frame.
 */
export async function clickInFrame(
  page: Page,
  frame: Frame,
  selector: string,
  { button = 'left', modifier }: { button?: 'left' | 'middle'; modifier?: 'Control' | 'Shift' | 'Meta' } = {},
): Promise<void> {
  const target = frame.locator(selector).first();
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} is not shown in the frame`);
  if (modifier) await page.keyboard.down(modifier);
  try {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button });
  } finally {
    if (modifier) await page.keyboard.up(modifier);
  }
}
