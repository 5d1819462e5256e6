/**
 * Pure planning of the content scripts that run by themselves on page load.
 * Only origins the user granted get one. Each registration lists the boot
 * files for its preferences ahead of the content script, so text size and
 * page adjustments are known synchronously at document_start.
 */
import { type EffectivePreferences, resolvePreferences } from '../shared/preferences/resolve';
import type { GlobalPreferences, SitePreferences } from '../shared/preferences/schema';
import { ALL_SITES_PATTERNS, coversAllSites, originToMatchPattern, patternCoversOrigin } from '../shared/site';

export const AUTO_APPLY_ID_PREFIX = 'auto-';

export interface AutoApplyRegistration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: true;
  /** Also about:blank, about:srcdoc, javascript: and sandboxed frames of a matching page (their text would otherwise stay as it was). */
  matchOriginAsFallback: true;
}

export interface AutoApplyInput {
  grantedOrigins: readonly string[];
  global: GlobalPreferences;
  sites: ReadonlyMap<string, SitePreferences>;
  contentScript: string;
  bootScripts: (preferences: EffectivePreferences) => string[];
}

const isWebPattern = (pattern: string) => /^(\*|https?):\/\//.test(pattern) || pattern === '<all_urls>';

export function planAutoApply(input: AutoApplyInput): AutoApplyRegistration[] {
  const { grantedOrigins, global, sites, contentScript, bootScripts } = input;
  const allSites = coversAllSites(grantedOrigins);
  const registration = (id: string, matches: string[], boot: string[]): AutoApplyRegistration => ({
    id,
    matches,
    js: [...boot, contentScript],
    runAt: 'document_start',
    allFrames: true,
    matchOriginAsFallback: true,
  });

  // Sites with their own settings, grouped by the boot files they need.
  const groups = new Map<string, { boot: string[]; patterns: string[] }>();
  const claimed = new Set<string>();
  for (const [origin, site] of [...sites].sort(([a], [b]) => a.localeCompare(b))) {
    if (Object.keys(site).length === 0) continue;
    if (!allSites && !grantedOrigins.some((pattern) => patternCoversOrigin(pattern, origin))) continue;
    const pattern = originToMatchPattern(origin);
    // Two origins that differ only by port share a pattern; the first keeps it.
    if (claimed.has(pattern)) continue;
    claimed.add(pattern);
    const boot = bootScripts(resolvePreferences(global, site));
    const key = boot.join('|');
    const group = groups.get(key) ?? { boot, patterns: [] };
    group.patterns.push(pattern);
    groups.set(key, group);
  }

  const plan = [...groups.values()].map(({ boot, patterns }, index) =>
    registration(`${AUTO_APPLY_ID_PREFIX}site-${index + 1}`, patterns, boot),
  );

  const globalMatches = allSites
    ? [...ALL_SITES_PATTERNS]
    : grantedOrigins.filter((pattern) => isWebPattern(pattern) && !claimed.has(pattern));
  if (globalMatches.length > 0) {
    const global_ = registration(`${AUTO_APPLY_ID_PREFIX}global`, globalMatches, bootScripts(resolvePreferences(global, undefined)));
    // Also keeps a wider grant (say *://*.go.jp/*) from running the global settings on a site with its own.
    plan.push(claimed.size > 0 ? { ...global_, excludeMatches: [...claimed] } : global_);
  }
  return plan;
}
