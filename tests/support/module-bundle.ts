/**
 * Bundles tests/modules/entry.ts into one script (IIFE) that leaves the modules on `window.__modules`,
 * for injection into a plain fixture page. Built once per test file, in memory.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

export async function bundleModules(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { 'webextension-polyfill': resolve(ROOT, 'tests/modules/extension-stub.ts') } },
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(ROOT, 'tests/modules/entry.ts'), formats: ['iife'], name: '__modules' },
    },
  });
  const [output] = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return output.output[0].code;
}
