/**
 * Natural line breaks between Japanese phrases (文節), so a line never ends in
 * the middle of a word. Chrome does it in CSS (`word-break: auto-phrase`,
 * see reader.css); elsewhere BudouX marks the break opportunities. Loaded only
 * for Japanese articles in browsers that need it.
 */
export async function applyJapaneseLineBreaks(content: HTMLElement, lang: string): Promise<void> {
  if (!lang.toLowerCase().startsWith('ja') || CSS.supports('word-break', 'auto-phrase')) return;
  const { loadDefaultJapaneseParser } = await import('budoux');
  loadDefaultJapaneseParser().applyToElement(content);
}
