/**
 * One config, two packages: `vite build --mode chrome` writes dist/chrome,
 * `--mode firefox` writes dist/firefox. Every browser difference in the
 * manifest lives in firefoxManifest() below.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin, runnerImport } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { BUNDLED_FONTS } from './src/features/page-font.ts';

type Target = 'chrome' | 'firefox';

export const FIREFOX_ADDON_ID = 'easyread@easyread-extension.github.io';

function firefoxManifest(manifest: typeof baseManifest) {
  const { background, commands, permissions, ...rest } = manifest;
  return {
    ...rest,
    // Firefox has no offscreen documents: the furigana analyzer's worker runs in the background page.
    permissions: permissions.filter((permission) => permission !== 'offscreen'),
    // Chrome allows four suggested shortcuts; Firefox has no such limit, so the other commands get their keys there.
    commands: {
      ...commands,
      'reset-text-size': { ...commands['reset-text-size'], suggested_key: { default: 'Alt+Shift+0' } },
      'toggle-line-focus': { ...commands['toggle-line-focus'], suggested_key: { default: 'Alt+Shift+L' } },
      'read-aloud': { ...commands['read-aloud'], suggested_key: { default: 'Alt+Shift+S' } },
    },
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

/**
 * Emits the boot files (one per preference value) that registered content scripts load first.
 * The features are found with import.meta.glob, which only Vite's own module runner understands.
 */
function bootScripts(): Plugin {
  return {
    name: 'easyread:boot-scripts',
    async generateBundle() {
      const { module } = await runnerImport<typeof import('./src/shared/boot-scripts.ts')>('./src/shared/boot-scripts.ts');
      const { allBootScripts, bootScriptPath, bootScriptSource } = module;
      for (const { field, value } of allBootScripts()) {
        this.emitFile({ type: 'asset', fileName: bootScriptPath(field, value), source: bootScriptSource(field, value) });
      }
    },
  };
}

/**
 * CRXJS exposes `?script` files as web_accessible_resources, which would let
 * any page probe for the extension. Our scripts only run through the
 * scripting API, which needs no such entry, so those entries are dropped; the
 * reader page stays (it is framed into pages), behind a per-session URL in Chrome.
 */
function dropWebAccessibleContentScript(): Plugin {
  return {
    name: 'easyread:no-web-accessible-scripts',
    // CRXJS writes the final manifest late in generateBundle, so edit the written file.
    writeBundle(options) {
      const path = join(options.dir ?? '', 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      const isScript = (resource: string) => /\.iife\.js$|^src\/content\//.test(resource);
      manifest.web_accessible_resources = manifest.web_accessible_resources.filter(
        (entry: { resources: string[] }) => !entry.resources.some(isScript),
      );
      writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

/**
 * The analyzer's dictionary (IPADIC in kuromoji's format, already gzip) is packaged and read
 * from the extension itself by the analyzer's worker; it is never fetched from the network.
 */
const DICTIONARY_DIR = 'node_modules/@sglkc/kuromoji/dict';

function furiganaDictionary(): Plugin {
  return {
    name: 'easyread:furigana-dictionary',
    generateBundle() {
      for (const file of readdirSync(DICTIONARY_DIR).filter((name) => name.endsWith('.dat.gz'))) {
        this.emitFile({ type: 'asset', fileName: `dict/${file}`, source: readFileSync(join(DICTIONARY_DIR, file)) });
      }
    },
  };
}

/** kuromoji's `require("async")` gets our two-function stand-in (src/analyzer/async-shim.ts says why). */
function kuromojiWithoutAsync(): Plugin {
  return {
    name: 'easyread:kuromoji-async',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'async' && importer && /[\\/]@sglkc[\\/]kuromoji[\\/]/.test(importer)) return resolve('src/analyzer/async-shim.ts');
      return null;
    },
  };
}

/** Bundled fonts and libraries keep their own licence notices inside the package. */
const BUNDLED_LICENCES: Record<string, string> = {
  'atkinson-hyperlegible-OFL.txt': 'node_modules/@fontsource/atkinson-hyperlegible/LICENSE',
  'opendyslexic-OFL.txt': 'node_modules/@fontsource/opendyslexic/LICENSE',
  'readability-Apache-2.0.txt': 'node_modules/@mozilla/readability/LICENSE.md',
  'dompurify-Apache-2.0-or-MPL-2.0.txt': 'node_modules/dompurify/LICENSE',
  'valibot-MIT.txt': 'node_modules/valibot/LICENSE.md',
  'webextension-polyfill-MPL-2.0.txt': 'node_modules/webextension-polyfill/LICENSE',
  'kuromoji-Apache-2.0.txt': 'node_modules/@sglkc/kuromoji/LICENSE-2.0.txt',
  'kuromoji-NOTICE-mecab-ipadic.txt': 'node_modules/@sglkc/kuromoji/NOTICE.md',
};

function bundledLicences(): Plugin {
  return {
    name: 'easyread:licences',
    generateBundle() {
      for (const [name, source] of Object.entries(BUNDLED_LICENCES)) {
        this.emitFile({ type: 'asset', fileName: `licenses/${name}`, source: readFileSync(source, 'utf8') });
      }
      // The BudouX npm package ships no LICENSE file; its package.json declares Apache-2.0.
      this.emitFile({
        type: 'asset',
        fileName: 'licenses/budoux-Apache-2.0.txt',
        source:
          'BudouX, Copyright Google LLC. Licensed under the Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0\n',
      });
    },
  };
}

/**
 * BudouX's package entry imports linkedom (a server-side DOM) unless the
 * bundler honours its `browser` field; point it at its browser DOM module.
 */
function budouxForBrowsers(): Plugin {
  return {
    name: 'easyread:budoux-browser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './dom.js' && importer && /[\\/]budoux[\\/]module[\\/]/.test(importer)) {
        return join(dirname(importer), 'dom-browser.js');
      }
      return null;
    },
  };
}

/**
 * Unmodified third-party libraries get chunks of their own, so that Firefox's
 * add-on linter can be pointed at our code alone (see scripts/test-all.mjs).
 */
const VENDOR_CHUNKS: Record<string, RegExp> = {
  'vendor-dompurify': /node_modules[\\/]dompurify[\\/]/,
  'vendor-readability': /node_modules[\\/]@mozilla[\\/]readability[\\/]/,
  'vendor-budoux': /node_modules[\\/]budoux[\\/]/,
};

function vendorChunk(id: string): string | undefined {
  return Object.entries(VENDOR_CHUNKS).find(([, pattern]) => pattern.test(id))?.[0];
}

/**
 * The bundled fonts keep their names (no hash): the content script adds them
 * to live pages by path (bundledFontFaces), reading mode through its CSS, so
 * both use the same files and the package carries each font once.
 */
const BUNDLED_FONT_FILE = new RegExp(
  `^(${Object.values(BUNDLED_FONTS)
    .map((font) => font?.file)
    .join('|')})-latin-\\d+-normal\\.woff2?$`,
);

function assetFileName(asset: { names: string[] }): string {
  return asset.names.some((name) => BUNDLED_FONT_FILE.test(name)) ? 'assets/[name][extname]' : 'assets/[name]-[hash][extname]';
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = (target === 'firefox' ? firefoxManifest(baseManifest) : baseManifest) as ManifestV3Export;
  return {
    plugins: [
      budouxForBrowsers(),
      crx({ manifest, browser: target }),
      bootScripts(),
      furiganaDictionary(),
      bundledLicences(),
      dropWebAccessibleContentScript(),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      minify: true,
      sourcemap: false,
      // Pages the manifest does not name as entries: the reader is framed into tabs by the overlay script, the welcome page opens on
      // install, the analyzer page is Chrome's offscreen document for furigana.
      rollupOptions: {
        input: { reader: 'src/reader/reader.html', welcome: 'src/welcome/index.html', analyzer: 'src/offscreen/analyzer.html' },
        output: { manualChunks: vendorChunk, assetFileNames: assetFileName },
      },
    },
    // Workers are bundled apart, with their own plugins: the analyzer's worker carries kuromoji.
    worker: { plugins: () => [kuromojiWithoutAsync()] },
    publicDir: 'public',
  };
});
