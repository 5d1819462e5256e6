import { describe, expect, it } from 'vitest';
import type browser from 'webextension-polyfill';
import { planAutoApply } from '../../src/background/auto-apply-plan';
import { bootScriptsFor } from '../../src/shared/boot-scripts';
import { DEFAULT_GLOBAL_PREFERENCES } from '../../src/shared/preferences/schema';
import { giveBackAccess, readAccess, requestAccess } from '../../src/shared/ui/auto-apply-access';

/**
 * Browsers show a permission prompt that automation cannot answer, so this one
 * path uses a stand-in permissions API that grants what it is asked for. The
 * real browser covers everything after the grant (see the e2e tests).
 */
function grantingPermissions() {
  const granted = new Set<string>();
  const asked: string[][] = [];
  const api = {
    async contains({ origins = [] }: browser.Permissions.Permissions) {
      return origins.every((origin) => granted.has(origin));
    },
    async request({ origins = [] }: browser.Permissions.Permissions) {
      asked.push(origins);
      for (const origin of origins) granted.add(origin);
      return true;
    },
    async remove({ origins = [] }: browser.Permissions.Permissions) {
      for (const origin of origins) granted.delete(origin);
      return true;
    },
  };
  return { api, granted, asked };
}

describe('asking to apply automatically', () => {
  it('asks for exactly this site, then the site gets a document_start script', async () => {
    const { api, granted, asked } = grantingPermissions();
    expect(await readAccess(api, 'https://www.meti.go.jp')).toEqual({ site: false, all: false });
    expect(await requestAccess(api, 'site', 'https://www.meti.go.jp')).toBe(true);
    expect(asked).toEqual([['https://www.meti.go.jp/*']]);
    expect(await readAccess(api, 'https://www.meti.go.jp')).toEqual({ site: true, all: false });
    const plan = planAutoApply({
      grantedOrigins: [...granted],
      global: { ...DEFAULT_GLOBAL_PREFERENCES, textScale: 150 },
      sites: new Map(),
      contentScript: 'content.js',
      bootScripts: bootScriptsFor,
    });
    expect(plan).toEqual([
      {
        id: 'auto-global',
        matches: ['https://www.meti.go.jp/*'],
        js: ['boot/textScale-150.js', 'content.js'],
        runAt: 'document_start',
        allFrames: true,
        matchOriginAsFallback: true,
      },
    ]);
  });

  it('asks for http and https of every site for "all sites", and gives it back', async () => {
    const { api, asked } = grantingPermissions();
    await requestAccess(api, 'all', 'https://www.meti.go.jp');
    expect(asked).toEqual([['http://*/*', 'https://*/*']]);
    expect(await readAccess(api, 'https://www.meti.go.jp')).toEqual({ site: false, all: true });
    await giveBackAccess(api, 'all', 'https://www.meti.go.jp');
    expect(await readAccess(api, 'https://www.meti.go.jp')).toEqual({ site: false, all: false });
  });
});
