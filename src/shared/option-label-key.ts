/**
 * The message key of a choice's label, the same scheme everywhere a choice is
 * shown: ('theme', 'gov-blue') → 'themeGovBlue', ('pageColours', 'off') → 'pageColoursOff', ('pageFurigana', 'grade-2') → 'pageFuriganaGrade2'.
 */
import type { MessageKey } from './i18n';

export function optionLabelKey(prefix: string, value: string): MessageKey {
  // Built from parts, so the compiler cannot see it; the project-rule tests check every such key exists.
  return `${prefix}${`-${value}`.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())}` as MessageKey;
}
