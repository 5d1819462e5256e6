/** Kana helpers for readings: pure. */

/** カタカナ → ひらがな (the dictionary gives readings in katakana; furigana are written in hiragana). */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0x60));
}

const HALF_WIDTH = 'ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL_WIDTH = 'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const VOICED: Record<string, string> = { ﾞ: '\u3099', ﾟ: '\u309a' };

/**
 * Half-width katakana (ｶﾀｶﾅ) as full-width, one character for one, so that
 * offsets in the result are offsets in the original: the dictionary only
 * knows full-width kana, and the ruby must wrap the page's own characters.
 * Voiced marks become combining marks (U+3099/309A) of the same length.
 */
export function widenKana(text: string): string {
  let out = '';
  for (const character of text) {
    const index = HALF_WIDTH.indexOf(character);
    out += index >= 0 ? FULL_WIDTH[index] : (VOICED[character] ?? character);
  }
  return out;
}
