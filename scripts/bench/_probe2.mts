import { launchWithExtension, tabIdOf } from '../../tests/support/chromium.ts';
import { startFixtureServer } from '../../tests/support/fixture-server.ts';
import {
  armFrameInsertion,
  articleFontSize,
  readerFrameRecorder,
  readFrameInsertion,
  readReaderFrameRecord,
  sendReaderCommand,
} from './reader-in-page.ts';

const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';
const server = await startFixtureServer();
const session = await launchWithExtension();
await session.context.addInitScript({ content: NAME_SHIM });
try {
  for (const path of ['/meti-release.html', '/meti-release.html', '/large.html', '/large.html']) {
    const page = await session.context.newPage();
    await page.addInitScript({ content: `${NAME_SHIM}\n(${readerFrameRecorder.toString()})();` });
    await page.goto(server.url(path), { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 300));
    await page.evaluate(armFrameInsertion);
    const tabId = await tabIdOf(session, page);
    const sent = await session.driver.evaluate(sendReaderCommand, tabId);
    const frame = await (await page.waitForSelector('iframe[data-easyread="reader"]')).contentFrame();
    const rec = await frame!.evaluate(readReaderFrameRecord);
    const ins = await page.evaluate(readFrameInsertion);
    const fs = await frame!.evaluate(articleFontSize);
    const rel = (x: number | null | undefined) => (x == null ? null : Math.round((x - sent.sentAt) * 10) / 10);
    console.log(path, JSON.stringify(sent.reply), {
      replied: rel(sent.repliedAt),
      inserted: rel(ins),
      origin: rel(rec?.timeOrigin),
      dcl: rel(rec?.domContentLoadedAt),
      visible: rel(rec?.visibleAt),
      vframe: rel(rec?.visibleFrameAt),
      vpaint: rel(rec?.visiblePaintedAt),
      look: rel(rec?.lookAt),
      lookPaint: rel(rec?.lookPaintedAt),
      first: rec?.firstFontSize,
      fs,
      notice: rec?.notice,
    });
    await page.close();
  }
} finally {
  await session.close();
  await server.close();
}
