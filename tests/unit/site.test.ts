import { describe, expect, it } from 'vitest';
import { coversAllSites, describePage, originToMatchPattern, patternCoversOrigin } from '../../src/shared/site';

describe('which pages EasyRead can work on', () => {
  it('accepts web pages and keys them by origin', () => {
    expect(describePage('https://www.meti.go.jp/english/press/2017/1215_001.html')).toEqual({
      supported: true,
      origin: 'https://www.meti.go.jp',
      hostname: 'www.meti.go.jp',
    });
  });

  it('explains browser pages, stores, PDFs and empty tabs', () => {
    expect(describePage('chrome://settings')).toEqual({ supported: false, reason: 'browser-page' });
    expect(describePage('about:addons')).toEqual({ supported: false, reason: 'browser-page' });
    expect(describePage('https://chromewebstore.google.com/detail/x')).toEqual({ supported: false, reason: 'web-store' });
    expect(describePage('https://addons.mozilla.org/en-US/firefox/')).toEqual({ supported: false, reason: 'web-store' });
    expect(describePage('https://example.org/report.PDF')).toEqual({ supported: false, reason: 'pdf' });
    expect(describePage(undefined)).toEqual({ supported: false, reason: 'no-page' });
    expect(describePage('not a url')).toEqual({ supported: false, reason: 'no-page' });
  });
});

describe('host patterns', () => {
  it('drop the port (match patterns cannot name one)', () => {
    expect(originToMatchPattern('http://127.0.0.1:8123')).toBe('http://127.0.0.1/*');
    expect(originToMatchPattern('https://www.meti.go.jp')).toBe('https://www.meti.go.jp/*');
  });

  it('know which origins a granted pattern covers', () => {
    expect(patternCoversOrigin('https://www.meti.go.jp/*', 'https://www.meti.go.jp')).toBe(true);
    expect(patternCoversOrigin('https://www.meti.go.jp/*', 'http://www.meti.go.jp')).toBe(false);
    expect(patternCoversOrigin('*://*.go.jp/*', 'https://www.meti.go.jp')).toBe(true);
    expect(patternCoversOrigin('*://*.go.jp/*', 'https://example.org')).toBe(false);
    expect(patternCoversOrigin('http://127.0.0.1/*', 'http://127.0.0.1:5173')).toBe(true);
    expect(patternCoversOrigin('<all_urls>', 'https://example.org')).toBe(true);
  });

  it('recognise an all-sites grant', () => {
    expect(coversAllSites(['http://*/*', 'https://*/*'])).toBe(true);
    expect(coversAllSites(['<all_urls>'])).toBe(true);
    expect(coversAllSites(['https://*/*'])).toBe(false);
  });
});
