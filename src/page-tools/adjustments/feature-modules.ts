/**
 * The whole modules of the features this page tool runs (CSS generators and
 * behaviour), in registry order. Only page tools import this: the always-on
 * script sees the features' descriptions alone (shared/features/registry.ts).
 */
import type { Feature, FeatureValues, PageContext } from '../../shared/features/feature';

export interface FeatureModule {
  feature: Feature;
  /** Pure: the feature's rules for the adjustments layer (page-names.ts), '' when it is off. */
  css?: (values: FeatureValues) => string;
  /** Behaviour while the feature is on; aborting the signal undoes all of it. */
  start?: (values: FeatureValues, signal: AbortSignal, page: PageContext) => void;
}

const modules = import.meta.glob<FeatureModule>('../../features/*.ts', { eager: true });

export const FEATURE_MODULES: readonly FeatureModule[] = Object.values(modules)
  .filter((module) => !module.feature.tool)
  .sort((a, b) => a.feature.order - b.feature.order);
