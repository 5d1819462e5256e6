import type { GlobalPreferences, SitePreferences } from './schema';

export type EffectivePreferences = Omit<GlobalPreferences, 'version'>;

export type Scope = 'site' | 'global';

/** A site's own settings win field by field over the global defaults. */
export function resolvePreferences(global: GlobalPreferences, site: SitePreferences | undefined): EffectivePreferences {
  const { version: _version, ...defaults } = global;
  return { ...defaults, ...definedFields(site ?? {}) };
}

/** Changes go where the popup says they go: to the site when it has its own settings, else to all sites. */
export function scopeOf(site: SitePreferences | undefined): Scope {
  return site === undefined ? 'global' : 'site';
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
