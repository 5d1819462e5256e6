import { describe, expect, it } from 'vitest';
import { planAutoApply } from '../../src/background/auto-apply-plan';
import type { SitePreferences } from '../../src/shared/preferences/schema';
import type { TextScaleStep } from '../../src/shared/text-scale-steps';

const base = {
  contentScript: 'content.js',
  bootScript: (step: TextScaleStep) => `boot-${step}.js`,
};

function plan(grantedOrigins: string[], globalTextScale: TextScaleStep, sites: [string, SitePreferences][] = []) {
  return planAutoApply({ ...base, grantedOrigins, globalTextScale, sites: new Map(sites) });
}

describe('automatic content scripts', () => {
  it('are not registered at all without a granted site (least privilege)', () => {
    expect(plan([], 150)).toEqual([]);
  });

  it('run on a granted site with the global size, boot file first', () => {
    expect(plan(['https://www.meti.go.jp/*'], 150)).toEqual([
      {
        id: 'auto-global',
        matches: ['https://www.meti.go.jp/*'],
        js: ['boot-150.js', 'content.js'],
        runAt: 'document_start',
        allFrames: true,
      },
    ]);
  });

  it('need no boot file at 100%', () => {
    expect(plan(['https://www.meti.go.jp/*'], 100)[0].js).toEqual(['content.js']);
  });

  it('give a site with its own size its own boot file', () => {
    const result = plan(['https://www.meti.go.jp/*', 'https://example.org/*'], 125, [['https://www.meti.go.jp', { textScale: 200 }]]);
    expect(result).toEqual([
      {
        id: 'auto-site-200',
        matches: ['https://www.meti.go.jp/*'],
        js: ['boot-200.js', 'content.js'],
        runAt: 'document_start',
        allFrames: true,
      },
      {
        id: 'auto-global',
        matches: ['https://example.org/*'],
        // Also keeps a wider grant (say *://*.go.jp/*) from running the global size on that site.
        excludeMatches: ['https://www.meti.go.jp/*'],
        js: ['boot-125.js', 'content.js'],
        runAt: 'document_start',
        allFrames: true,
      },
    ]);
  });

  it('cover every site when all sites are granted, excluding sites with their own size', () => {
    const result = plan(['http://*/*', 'https://*/*'], 110, [
      ['https://www.meti.go.jp', { textScale: 200 }],
      ['https://www.digital.go.jp', { textScale: 200 }],
      ['https://example.org', {}],
    ]);
    expect(result.map((registration) => registration.id)).toEqual(['auto-site-200', 'auto-global']);
    expect(result[0].matches).toEqual(['https://www.digital.go.jp/*', 'https://www.meti.go.jp/*']);
    expect(result[1]).toMatchObject({
      matches: ['http://*/*', 'https://*/*'],
      excludeMatches: ['https://www.digital.go.jp/*', 'https://www.meti.go.jp/*'],
      js: ['boot-110.js', 'content.js'],
    });
  });

  it('ignore a site with its own size when its host was not granted', () => {
    expect(plan(['https://example.org/*'], 100, [['https://www.meti.go.jp', { textScale: 200 }]])).toEqual([
      { id: 'auto-global', matches: ['https://example.org/*'], js: ['content.js'], runAt: 'document_start', allFrames: true },
    ]);
  });

  it('ignore non-web grants', () => {
    expect(plan(['file:///*'], 150)).toEqual([]);
  });
});
