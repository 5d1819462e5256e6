import { describe, expect, it } from 'vitest';
import { planAutoApply } from '../../src/background/auto-apply-plan';
import { bootScriptsFor } from '../../src/shared/boot-scripts';
import { DEFAULT_GLOBAL_PREFERENCES, type GlobalPreferences, type SitePreferences } from '../../src/shared/preferences/schema';

function plan(grantedOrigins: string[], global: Partial<GlobalPreferences>, sites: [string, SitePreferences][] = []) {
  return planAutoApply({
    grantedOrigins,
    global: { ...DEFAULT_GLOBAL_PREFERENCES, ...global },
    sites: new Map(sites),
    contentScript: 'content.js',
    bootScripts: bootScriptsFor,
  });
}

const at = (matches: string[], js: string[], id = 'auto-global') => ({
  id,
  matches,
  js,
  runAt: 'document_start',
  allFrames: true,
  matchOriginAsFallback: true,
});

describe('automatic content scripts', () => {
  it('are not registered at all without a granted site (least privilege)', () => {
    expect(plan([], { textScale: 150 })).toEqual([]);
  });

  it('run on a granted site with the global settings, boot files first', () => {
    expect(plan(['https://www.meti.go.jp/*'], { textScale: 150, pageColours: 'yellow-on-black' })).toEqual([
      at(['https://www.meti.go.jp/*'], ['boot/textScale-150.js', 'boot/pageColours-yellow-on-black.js', 'content.js']),
    ]);
  });

  it('need no boot file for default settings', () => {
    expect(plan(['https://www.meti.go.jp/*'], {})[0].js).toEqual(['content.js']);
  });

  it('give a site with its own settings its own boot files', () => {
    const result = plan(['https://www.meti.go.jp/*', 'https://example.org/*'], { textScale: 125 }, [
      ['https://www.meti.go.jp', { textScale: 200 }],
    ]);
    expect(result).toEqual([
      at(['https://www.meti.go.jp/*'], ['boot/textScale-200.js', 'content.js'], 'auto-site-1'),
      // excludeMatches also keeps a wider grant (say *://*.go.jp/*) from running the global size on that site.
      { ...at(['https://example.org/*'], ['boot/textScale-125.js', 'content.js']), excludeMatches: ['https://www.meti.go.jp/*'] },
    ]);
  });

  it('merge a site’s own fields over the global ones', () => {
    const result = plan(['https://www.meti.go.jp/*'], { pageColours: 'blue' }, [['https://www.meti.go.jp', { textScale: 150 }]]);
    expect(result[0].js).toEqual(['boot/textScale-150.js', 'boot/pageColours-blue.js', 'content.js']);
  });

  it('cover every site when all sites are granted, one registration per distinct set of boot files', () => {
    const result = plan(['http://*/*', 'https://*/*'], { textScale: 110 }, [
      ['https://www.meti.go.jp', { textScale: 200 }],
      ['https://www.digital.go.jp', { textScale: 200 }],
      ['https://example.org', { pageLinks: true }],
    ]);
    expect(result.map((registration) => registration.id)).toEqual(['auto-site-1', 'auto-site-2', 'auto-global']);
    expect(result[0]).toMatchObject({
      matches: ['https://example.org/*'],
      js: ['boot/textScale-110.js', 'boot/pageLinks-true.js', 'content.js'],
    });
    expect(result[1].matches).toEqual(['https://www.digital.go.jp/*', 'https://www.meti.go.jp/*']);
    expect(result[2]).toMatchObject({
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: ['https://example.org/*', 'https://www.digital.go.jp/*', 'https://www.meti.go.jp/*'],
      js: ['boot/textScale-110.js', 'content.js'],
    });
  });

  it('ignore a site with its own settings when its host was not granted', () => {
    expect(plan(['https://example.org/*'], {}, [['https://www.meti.go.jp', { textScale: 200 }]])).toEqual([
      at(['https://example.org/*'], ['content.js']),
    ]);
  });

  it('ignore non-web grants', () => {
    expect(plan(['file:///*'], { textScale: 150 })).toEqual([]);
  });
});
