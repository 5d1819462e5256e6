/**
 * Our page-visible names carry a random token per page load (src/content/page-names.ts): `data-<token>`
 * on our style elements, `<token>-l` / `<token>-r` shadow hosts, `<token>-s` / `<token>-b` highlights.
 * Tests find them by shape. The token is "x" and up to 7 base-36 digits.
 */

/** An attribute name or text of ours, in serialized HTML or saved text. */
export const OUR_ATTRIBUTE = /data-x[a-z0-9]{1,7}\b/;

/** In the page: is our shadow host of this kind ('l' ruler, 'r' read-aloud bar) there? Each helper is self-contained for evaluate(). */
export const hasOurHost = (kind: string): boolean => {
  const name = new RegExp(`^x[a-z0-9]{1,7}-${kind}$`);
  return [...document.querySelectorAll('*')].some((element) => name.test(element.localName));
};

export const lacksOurHost = (kind: string): boolean => {
  const name = new RegExp(`^x[a-z0-9]{1,7}-${kind}$`);
  return ![...document.querySelectorAll('*')].some((element) => name.test(element.localName));
};

/** In the page: is one of our style elements of this part ('t' text size, 'a' adjustments, 'u' unclip, 'r' read aloud) there? */
export function hasOurStyle(part: string): boolean {
  return [...document.querySelectorAll('style')].some((style) =>
    style.getAttributeNames().some((name) => /^data-x[a-z0-9]{1,7}$/.test(name) && style.getAttribute(name) === part),
  );
}

export const lacksOurStyle = (part: string): boolean =>
  ![...document.querySelectorAll('style')].some((style) =>
    style.getAttributeNames().some((name) => /^data-x[a-z0-9]{1,7}$/.test(name) && style.getAttribute(name) === part),
  );

/** In the page: the text of each range of our highlight of this kind ('s' sentence, 'b' block). */
export function highlightedText(kind: string): string[] {
  const registry = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
  const name = [...registry.keys()].find((key) => new RegExp(`^x[a-z0-9]{1,7}-${kind}$`).test(key));
  const highlight = name ? registry.get(name) : undefined;
  return highlight ? [...highlight].map((range) => range.toString()) : [];
}

/** In the page: one attribute of our shadow host of this kind. */
export function ourHostAttribute([kind, attribute]: [string, string]): string | null {
  const name = new RegExp(`^x[a-z0-9]{1,7}-${kind}$`);
  return [...document.querySelectorAll('*')].find((element) => name.test(element.localName))?.getAttribute(attribute) ?? null;
}

/** In the page: does our highlight of this kind exist? */
export function hasOurHighlight(kind: string): boolean {
  const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
  return [...registry.keys()].some((key) => new RegExp(`^x[a-z0-9]{1,7}-${kind}$`).test(key));
}

/** In the page: nothing of ours is left (self-contained twin of leftoversOfOurs for wait loops). */
export function noLeftoversOfOurs(): boolean {
  for (const element of document.querySelectorAll('*')) {
    if (/^x[a-z0-9]{1,7}-[a-z]$/.test(element.localName)) return false;
    if (element.getAttributeNames().some((name) => /^data-x[a-z0-9]{1,7}(-|$)/.test(name))) return false;
  }
  return true;
}
