/**
 * One config, two packages: `vite build --mode chrome` writes dist/chrome,
 * `--mode firefox` writes dist/firefox. Every browser difference in the
 * manifest lives in firefoxManifest() below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { bootScriptPath, bootScriptSource } from './src/shared/boot-scripts';
import { TEXT_SCALE_STEPS } from './src/shared/text-scale-steps';

type Target = 'chrome' | 'firefox';

export const FIREFOX_ADDON_ID = 'easyread@easyread-extension.github.io';

function firefoxManifest(manifest: typeof baseManifest) {
  const { background, ...rest } = manifest;
  return {
    ...rest,
    // Firefox MV3 has no service workers for extensions: an event page with scripts.
    background: { scripts: [background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_ADDON_ID,
        // 140 is the first version that understands data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/** Emits the per-step boot files that registered content scripts load first. */
function bootScripts(): Plugin {
  return {
    name: 'easyread:boot-scripts',
    generateBundle() {
      for (const step of TEXT_SCALE_STEPS) {
        if (step === 100) continue;
        this.emitFile({ type: 'asset', fileName: bootScriptPath(step), source: bootScriptSource(step) });
      }
    },
  };
}

/**
 * CRXJS exposes `?script` files as web_accessible_resources, which would let
 * any page probe for the extension. Our scripts only run through the
 * scripting API, which needs no such entry, so the entry is dropped.
 */
function dropWebAccessibleContentScript(): Plugin {
  return {
    name: 'easyread:no-web-accessible-scripts',
    // CRXJS writes the final manifest late in generateBundle, so edit the written file.
    writeBundle(options) {
      const path = join(options.dir ?? '', 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      delete manifest.web_accessible_resources;
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = (target === 'firefox' ? firefoxManifest(baseManifest) : baseManifest) as ManifestV3Export;
  return {
    plugins: [crx({ manifest, browser: target }), bootScripts(), dropWebAccessibleContentScript()],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      minify: true,
      sourcemap: false,
    },
    publicDir: 'public',
  };
});
