/** The furigana levels by name: tiny, so preferences and messages can check them without the kanji lists. */
export const FURIGANA_LEVELS = ['off', 'all', 'grade-2', 'grade-3', 'grade-4', 'grade-5', 'grade-6', 'non-joyo'] as const;
export type FuriganaLevel = (typeof FURIGANA_LEVELS)[number];

export function isFuriganaLevel(value: unknown): value is FuriganaLevel {
  return (FURIGANA_LEVELS as readonly unknown[]).includes(value);
}
