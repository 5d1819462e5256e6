/**
 * Chromium's side of extension-errors.ts, over the DevTools protocol: what
 * Chrome's extension page lists for EasyRead. Playwright's own console and
 * pageerror events see only the page's main world, so every tab gets its own
 * CDP session: Runtime events carry the execution context (our content
 * scripts' isolated world has our origin), Log events the CSP reports. Our
 * pages inside web pages (the reader frame) are out-of-process frames with
 * their own session; Runtime.enable and Log.enable replay what a context
 * logged before we attached, so a late attach loses nothing. The service
 * worker is reached through playwright's worker console, and its uncaught
 * errors through its own error events (a test-only listener).
 */
import type { BrowserContext, CDPSession, ConsoleMessage, Frame, Page, Worker } from 'playwright-core';
import type { ExtensionError, ExtensionErrorLog, Flusher } from './extension-errors';

interface RemoteObject {
  value?: unknown;
  description?: string;
  unserializableValue?: string;
}

interface ConsoleApiCalled {
  type: string;
  args: RemoteObject[];
  executionContextId: number;
}

interface ExceptionThrown {
  exceptionDetails: { text: string; url?: string; executionContextId?: number; exception?: RemoteObject };
}

interface LogEntryAdded {
  entry: { source: string; level: string; text: string; url?: string };
}

const describeValue = (object: RemoteObject) =>
  object.value !== undefined ? String(object.value) : (object.description ?? object.unserializableValue ?? '');

export function collectChromiumErrors(context: BrowserContext, extensionId: string, log: ExtensionErrorLog, flushers: Flusher[]): void {
  const origin = `chrome-extension://${extensionId}`;
  const sessions = new Set<CDPSession>();
  const attachedFrames = new WeakSet<Frame>();

  /** One CDP session on a tab or an out-of-process frame; `where` says what it shows at the time of a report. */
  async function watch(target: Page | Frame, where: () => string): Promise<void> {
    const cdp = await context.newCDPSession(target);
    sessions.add(cdp);
    const ourContexts = new Map<number, string>();
    const isOurs = (contextId: number | undefined) => contextId !== undefined && ourContexts.has(contextId);
    const contextName = (contextId: number | undefined) =>
      contextId !== undefined && ourContexts.get(contextId) === 'isolated' ? `content script on ${where()}` : where();
    const record = (error: ExtensionError) => log.record(error);
    cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
      const { id, origin: contextOrigin, auxData } = created as { id: number; origin: string; auxData?: { type?: string } };
      if (contextOrigin === origin) ourContexts.set(id, auxData?.type === 'isolated' ? 'isolated' : 'page');
    });
    cdp.on('Runtime.consoleAPICalled', (event) => {
      const { type, args, executionContextId } = event as ConsoleApiCalled;
      if (!isOurs(executionContextId)) return;
      const text = args.map(describeValue).join(' ');
      const context = contextName(executionContextId);
      if (type === 'error' || type === 'assert') record({ kind: 'console.error', context, text });
      else if (type === 'warning') log.warn({ kind: 'console.warn', context, text });
    });
    cdp.on('Runtime.exceptionThrown', (event) => {
      const { exceptionDetails: details } = event as ExceptionThrown;
      if (!isOurs(details.executionContextId) && !details.url?.startsWith(origin)) return;
      const text = details.exception ? describeValue(details.exception) : details.text;
      record({ kind: 'uncaught', context: contextName(details.executionContextId), text });
    });
    cdp.on('Log.entryAdded', (event) => {
      const { entry } = event as LogEntryAdded;
      // Browser reports (CSP violations, failed loads) of our pages, or naming our files.
      if (entry.level !== 'error' || !(where().startsWith(origin) || entry.url?.startsWith(origin))) return;
      record({ kind: 'browser', context: entry.url || where(), text: `${entry.source}: ${entry.text}` });
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
  }

  function watchFrame(frame: Frame): void {
    if (attachedFrames.has(frame) || frame.parentFrame() === null || !frame.url().startsWith(origin)) return;
    attachedFrames.add(frame);
    // In-process frames have no session of their own (the tab's session covers them): that attempt fails, which is fine.
    void watch(frame, () => frame.url()).catch(() => undefined);
  }

  function watchPage(page: Page): void {
    void watch(page, () => page.url()).catch(() => undefined);
    page.on('framenavigated', watchFrame);
    for (const frame of page.frames()) watchFrame(frame);
  }

  function watchWorker(worker: Worker): void {
    if (!worker.url().startsWith(origin)) return;
    worker.on('console', (message: ConsoleMessage) => {
      const context = `service worker ${worker.url()}`;
      const text = message.text();
      if (message.type() === 'error') log.record({ kind: text.startsWith('Uncaught') ? 'uncaught' : 'console.error', context, text });
      else if (message.type() === 'warning') log.warn({ kind: 'console.warn', context, text });
    });
    // TEST-ONLY: playwright reports no worker exceptions; these listeners print them, as Chrome's error list shows them.
    void worker
      .evaluate(() => {
        self.addEventListener('error', (event) => console.error(`Uncaught ${event.error?.stack ?? event.message}`));
        self.addEventListener('unhandledrejection', (event) =>
          console.error(`Uncaught (in promise) ${event.reason instanceof Error ? event.reason.stack : String(event.reason)}`),
        );
      })
      .catch(() => undefined);
  }

  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  for (const worker of context.serviceWorkers()) watchWorker(worker);
  context.on('serviceworker', watchWorker);

  // A round trip on every session: reports sent before its answer have arrived.
  flushers.push(async () => {
    for (const cdp of sessions) await cdp.send('Runtime.evaluate', { expression: '0' }).catch(() => sessions.delete(cdp));
    for (const worker of context.serviceWorkers()) await worker.evaluate('0').catch(() => undefined);
  });
}
