/**
 * Asking for (and giving back) the optional host permission that lets
 * EasyRead apply settings as pages load. The background registers the
 * scripts when the browser reports the change (permissions.onAdded/onRemoved).
 */
import type browser from 'webextension-polyfill';
import { ALL_SITES_PATTERNS, originToMatchPattern } from '../site';

export type AccessScope = 'site' | 'all';
type PermissionsApi = Pick<browser.Permissions.Static, 'contains' | 'request' | 'remove'>;

export function patternsFor(scope: AccessScope, origin: string): string[] {
  return scope === 'all' ? [...ALL_SITES_PATTERNS] : [originToMatchPattern(origin)];
}

export async function readAccess(permissions: PermissionsApi, origin: string): Promise<{ site: boolean; all: boolean }> {
  const [site, all] = await Promise.all([
    permissions.contains({ origins: patternsFor('site', origin) }),
    permissions.contains({ origins: patternsFor('all', origin) }),
  ]);
  return { site, all };
}

/** Must run inside the click handler: browsers only show the prompt for a user gesture. */
export function requestAccess(permissions: PermissionsApi, scope: AccessScope, origin: string): Promise<boolean> {
  return permissions.request({ origins: patternsFor(scope, origin) });
}

export function giveBackAccess(permissions: PermissionsApi, scope: AccessScope, origin: string): Promise<boolean> {
  return permissions.remove({ origins: patternsFor(scope, origin) });
}
