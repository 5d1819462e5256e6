import { describe, expect, it } from 'vitest';
import { feature } from '../../src/features/line-focus';
import { allBootScripts } from '../../src/shared/boot-scripts';
import { hasAdjustments } from '../../src/shared/features/registry';
import { DEFAULT_GLOBAL_PREFERENCES } from '../../src/shared/preferences/schema';

describe('reading ruler feature', () => {
  it('runs in its own page tool, so it does not load the adjustments', () => {
    expect(feature.tool).toBe('line-focus');
    expect(hasAdjustments({ ...DEFAULT_GLOBAL_PREFERENCES, pageLineFocus: true })).toBe(false);
  });

  it('has no boot file (it follows the pointer, nothing to show before the first paint)', () => {
    expect(allBootScripts().some(({ field }) => field === 'pageLineFocus')).toBe(false);
  });
});
