/**
 * Furigana levels: which kanji get a reading. Pure, shared by the analyzer
 * host (which filters what it returns) and the surfaces that offer the levels.
 */
import { JOYO_KANJI, KYOIKU_KANJI_BY_GRADE } from './kanji-lists';
import type { FuriganaLevel } from './levels';

export type { FuriganaLevel } from './levels';

const gradeOf = new Map<string, number>();
KYOIKU_KANJI_BY_GRADE.forEach((kanji, index) => {
  for (const character of kanji) gradeOf.set(character, index + 1);
});
const joyo = new Set(JOYO_KANJI);

/** Kanji, including the iteration mark 々 (it repeats the kanji before it and is read with it). */
export const KANJI = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}々〆ヶ]/u;

/** The grade a kanji is taught in (1-6), 7 for other 常用漢字, 8 for kanji outside that list. */
export function kanjiGrade(character: string): number {
  return gradeOf.get(character) ?? (joyo.has(character) ? 7 : 8);
}

/** Whether a kanji of this grade needs its reading at this level. */
function gradeNeedsRuby(grade: number, level: FuriganaLevel): boolean {
  if (level === 'off') return false;
  if (level === 'all') return true;
  if (level === 'non-joyo') return grade === 8;
  return grade >= Number(level.slice('grade-'.length));
}

/**
 * Whether a word's base text gets its reading: when any of its kanji needs one
 * (a reading belongs to the whole word, 経済 is read けいざい, not per kanji).
 * 々 takes the grade of the kanji it repeats.
 */
export function needsRuby(base: string, level: FuriganaLevel): boolean {
  let previous = '';
  for (const character of base) {
    if (!KANJI.test(character)) continue;
    const kanji = character === '々' ? previous : character;
    if (kanji && gradeNeedsRuby(kanjiGrade(kanji), level)) return true;
    previous = kanji;
  }
  return false;
}
