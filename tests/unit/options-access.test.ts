import { describe, expect, it } from 'vitest';
import { accessLabel, accessOverview } from '../../src/options/access-list';

describe('permission overview', () => {
  it('lists http(s) sites granted one by one, sorted, without the all-sites patterns', () => {
    const overview = accessOverview(['https://www.meti.go.jp/*', 'http://127.0.0.1/*', 'https://*/*', 'file:///*', 'http://localhost/*']);
    expect(overview).toEqual({ all: false, sites: ['http://127.0.0.1/*', 'http://localhost/*', 'https://www.meti.go.jp/*'] });
  });

  it('knows when every site is granted', () => {
    expect(accessOverview(['http://*/*', 'https://*/*']).all).toBe(true);
    expect(accessOverview(['<all_urls>']).all).toBe(true);
    expect(accessOverview(['http://*/*']).all).toBe(false);
    expect(accessOverview([]).sites).toEqual([]);
  });

  it('names a pattern as the site it covers', () => {
    expect(accessLabel('http://127.0.0.1/*')).toBe('http://127.0.0.1');
    expect(accessLabel('https://*.go.jp/*')).toBe('https://*.go.jp');
  });
});
