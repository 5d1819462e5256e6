/**
 * `npm start` (Chromium) and `npm run start:firefox`: the built extension in
 * a browser, on the METI demo page served from 127.0.0.1.
 *
 * With a display: a real browser window you can use; close it or press
 * Ctrl+C to stop. Without one (servers, CI): headless, a demo sequence
 * (larger ×3, then reset) with screenshots written to artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServer } from '../tests/support/fixture-server.ts';

const { values } = parseArgs({
  options: { browser: { type: 'string', default: 'chromium' }, headless: { type: 'boolean', default: false } },
});
const firefox = values.browser === 'firefox';
const headless = values.headless || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const shots = resolve('artifacts/screenshots');
mkdirSync(shots, { recursive: true });

const server = await startFixtureServer({ port: Number(process.env.PORT ?? 8123) }).catch(() => startFixtureServer());
const demoUrl = server.url('meti-release.html');
console.log(`Demo page: ${demoUrl}`);

type Step = { name: string; act: () => Promise<unknown> };

/**
 * The demo sequence, whichever browser runs it: as it was, text up three steps (150%), reset,
 * reading mode, then (reading mode closed) the reading ruler with point-to-read on.
 */
async function demo(
  command: (name: string) => Promise<unknown>,
  shoot: (file: string) => Promise<unknown>,
  pointAt: (x: number, y: number) => Promise<unknown>,
): Promise<void> {
  const steps: Step[] = [
    { name: 'before', act: async () => undefined },
    {
      name: 'larger-150',
      act: async () => {
        for (let i = 0; i < 3; i++) await command('increase-text-size');
      },
    },
    { name: 'reset', act: () => command('reset-text-size') },
    { name: 'reading-mode', act: () => command('toggle-reading-mode') },
    {
      name: 'ruler-read-aloud',
      act: async () => {
        await command('toggle-reading-mode');
        await command('toggle-line-focus');
        await command('read-aloud');
        // The pointer on a line of the first paragraph: the ruler sits on it.
        await pointAt(640, 390);
      },
    },
  ];
  for (const step of steps) {
    await step.act();
    await new Promise((done) => setTimeout(done, 300));
    const file = `${shots}/${firefox ? 'firefox' : 'chromium'}-${step.name}.png`;
    await shoot(file);
    console.log(`  ${step.name.padEnd(18)} → ${file}`);
  }
}

if (firefox) {
  const { launchFirefoxWithExtension, runCommand } = await import('../tests/support/firefox.ts');
  const session = await launchFirefoxWithExtension({ headless });
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(demoUrl);
  if (headless) {
    console.log('No display: running the demo headless in Firefox.');
    const shoot = (path: string) => page.screenshot({ path: path as `${string}.png` });
    await demo(
      (name) => runCommand(session, page, name),
      shoot,
      (x, y) => page.mouse.move(x, y),
    );
    await session.close();
    await server.close();
  } else {
    console.log('Firefox is open with EasyRead installed. Close it or press Ctrl+C to stop.');
    session.browser.on('disconnected', () => void server.close().then(() => process.exit(0)));
  }
} else {
  const { launchWithExtension, runCommand, tabIdOf, CHROME_DIST } = await import('../tests/support/chromium.ts');
  if (headless) {
    console.log('No display: running the demo headless in Chromium (test copy with http://127.0.0.1 granted).');
    const session = await launchWithExtension();
    const page = await session.context.newPage();
    await page.goto(demoUrl);
    const shoot = (path: string) => page.screenshot({ path });
    await demo(
      (name) => runCommand(session, page, name),
      shoot,
      (x, y) => page.mouse.move(x, y),
    );
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 720 });
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html?tab=${await tabIdOf(session, page)}`);
    await popup.waitForSelector('#controls:not([hidden])');
    await popup.screenshot({ path: `${shots}/chromium-popup.png`, fullPage: true });
    console.log(`  ${'popup'.padEnd(18)} → ${shots}/chromium-popup.png`);
    await session.close();
    await server.close();
  } else {
    // A real window with the real package: nothing pre-granted, exactly as a user installs it.
    const { launchWithExtension: launch } = await import('../tests/support/chromium.ts');
    const session = await launch({ extensionDir: CHROME_DIST, headless: false });
    const page = await session.context.newPage();
    await page.goto(demoUrl);
    await session.driver.close();
    console.log('Chromium is open with EasyRead loaded. Click its toolbar button or press Alt+Shift+. to enlarge text.');
    console.log('Close the window or press Ctrl+C to stop.');
    session.context.on('close', () => void server.close().then(() => process.exit(0)));
  }
}
