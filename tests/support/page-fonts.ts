/**
 * What a reader sees of a page's fonts, measured inside the page (each function
 * is self-contained, for page.evaluate in playwright-core and puppeteer-core).
 */

export interface FontReport {
  /** Computed font-family of the element. */
  family: string;
  /** Rendered advance of its text: the widths of every line box fragment of its text nodes, added up. */
  width: number;
  /** The page's font faces of `face` (the document's FontFaceSet), as "weight status". */
  faces: string[];
  /** document.fonts.check for `face` at 16px, normal and bold. */
  check: boolean;
  /** How many faces the page's FontFaceSet holds in all. */
  total: number;
}

export function fontReport({ selector, face }: { selector: string; face: string }): FontReport {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`no ${selector}`);
  let width = 0;
  const range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) width += rect.width;
  }
  const all = [...(document.fonts as unknown as Iterable<FontFace>)];
  return {
    family: getComputedStyle(element).fontFamily,
    width,
    faces: all.filter((font) => font.family.replace(/"/g, '') === face).map((font) => `${font.weight} ${font.status}`),
    check: document.fonts.check(`16px "${face}"`) && document.fonts.check(`bold 16px "${face}"`),
    total: all.length,
  };
}

/** Both bundled weights of `face` are in the page's font set and loaded, and the element's font-family starts with it. */
export function bundledFontReady({ selector, face }: { selector: string; face: string }): boolean {
  const element = document.querySelector(selector);
  if (!element || !getComputedStyle(element).fontFamily.replace(/"/g, '').startsWith(face)) return false;
  const loaded = [...(document.fonts as unknown as Iterable<FontFace>)]
    .filter((font) => font.family.replace(/"/g, '') === face && font.status === 'loaded')
    .map((font) => font.weight);
  return loaded.includes('400') && loaded.includes('700');
}
