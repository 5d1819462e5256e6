/**
 * Pure: which granted host patterns (as permissions.getAll reports them) the
 * options page lists as single sites, and how it names them.
 */
import { ALL_SITES_PATTERNS, coversAllSites } from '../shared/site';

const EVERY_SITE = new Set<string>([...ALL_SITES_PATTERNS, '<all_urls>', '*://*/*']);

export interface AccessOverview {
  /** EasyRead may apply settings as pages load on every site. */
  all: boolean;
  /** http(s) patterns granted one by one, sorted. */
  sites: string[];
}

export function accessOverview(grantedOrigins: readonly string[]): AccessOverview {
  const sites = grantedOrigins
    .filter((pattern) => /^https?:\/\/[^/]+\//.test(pattern) && !EVERY_SITE.has(pattern))
    .sort((a, b) => accessLabel(a).localeCompare(accessLabel(b)));
  return { all: coversAllSites(grantedOrigins), sites: [...new Set(sites)] };
}

/** "http://127.0.0.1/*" → "http://127.0.0.1" (a pattern covers every port and page of its host). */
export function accessLabel(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}
