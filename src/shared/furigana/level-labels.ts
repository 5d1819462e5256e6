/** A furigana level in words, the same in the popup and the options page. */
import type { FuriganaLevel } from './levels';

export function furiganaLevelLabel(level: FuriganaLevel, t: (key: string, substitutions?: string | string[]) => string): string {
  if (level.startsWith('grade-')) return t('pageFuriganaGrade', level.slice('grade-'.length));
  return t(level === 'off' ? 'pageFuriganaOff' : level === 'all' ? 'pageFuriganaAll' : 'pageFuriganaNonJoyo');
}
