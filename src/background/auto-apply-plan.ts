/**
 * Pure planning of the content scripts that run by themselves on page load.
 * Only origins the user granted get one. Each registration carries a boot file
 * for its text size ahead of the content script, so the size is known
 * synchronously at document_start (storage reads are asynchronous and a small
 * page can paint before they return).
 */
import type { SitePreferences } from '../shared/preferences/schema';
import { ALL_SITES_PATTERNS, coversAllSites, originToMatchPattern, patternCoversOrigin } from '../shared/site';
import type { TextScaleStep } from '../shared/text-scale-steps';

export const AUTO_APPLY_ID_PREFIX = 'auto-';

export interface AutoApplyRegistration {
  id: string;
  matches: string[];
  excludeMatches?: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: true;
}

export interface AutoApplyInput {
  grantedOrigins: readonly string[];
  globalTextScale: TextScaleStep;
  sites: ReadonlyMap<string, SitePreferences>;
  contentScript: string;
  bootScript: (textScale: TextScaleStep) => string;
}

const isWebPattern = (pattern: string) => /^(\*|https?):\/\//.test(pattern) || pattern === '<all_urls>';

export function planAutoApply(input: AutoApplyInput): AutoApplyRegistration[] {
  const { grantedOrigins, globalTextScale, sites, contentScript, bootScript } = input;
  const allSites = coversAllSites(grantedOrigins);
  const scripts = (step: TextScaleStep) => (step === 100 ? [contentScript] : [bootScript(step), contentScript]);

  const sitePatternsByStep = new Map<TextScaleStep, string[]>();
  const claimed = new Set<string>();
  for (const [origin, site] of [...sites].sort(([a], [b]) => a.localeCompare(b))) {
    if (site.textScale === undefined) continue;
    if (!allSites && !grantedOrigins.some((pattern) => patternCoversOrigin(pattern, origin))) continue;
    const pattern = originToMatchPattern(origin);
    // Two origins that differ only by port share a pattern; the first keeps it.
    if (claimed.has(pattern)) continue;
    claimed.add(pattern);
    sitePatternsByStep.set(site.textScale, [...(sitePatternsByStep.get(site.textScale) ?? []), pattern]);
  }

  const plan: AutoApplyRegistration[] = [];
  for (const [step, matches] of [...sitePatternsByStep].sort(([a], [b]) => a - b)) {
    plan.push({ id: `${AUTO_APPLY_ID_PREFIX}site-${step}`, matches, js: scripts(step), runAt: 'document_start', allFrames: true });
  }

  const globalMatches = allSites
    ? [...ALL_SITES_PATTERNS]
    : grantedOrigins.filter((pattern) => isWebPattern(pattern) && !claimed.has(pattern));
  if (globalMatches.length > 0) {
    plan.push({
      id: `${AUTO_APPLY_ID_PREFIX}global`,
      matches: globalMatches,
      ...(claimed.size > 0 ? { excludeMatches: [...claimed] } : {}),
      js: scripts(globalTextScale),
      runAt: 'document_start',
      allFrames: true,
    });
  }
  return plan;
}
