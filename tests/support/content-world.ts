/**
 * Runs code in our content scripts' isolated world of a Chromium tab (via the
 * DevTools protocol), where the page tools run. Page scripts, and so
 * page.evaluate, cannot see or change what lives there.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

export interface ContentWorld {
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/** The isolated world of extension `extensionId` in the page's top frame; our content script must already run there. */
export async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  await cdp.send('Runtime.enable');
  const world = contexts.find(
    (context) =>
      context.origin === `chrome-extension://${extensionId}` &&
      context.auxData?.type === 'isolated' &&
      context.auxData.frameId === frameTree.frame.id,
  );
  if (!world) throw new Error('our content script is not running in this page');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(`in the content world: ${JSON.stringify(exceptionDetails)}`);
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
