/**
 * Removes what Chromium checks against the reader page's Content-Security-Policy
 * as soon as a parser creates it, even in an inert DOMParser document where
 * nothing could run, listing each as an error of the extension: inline event
 * handler attributes (onclick, onerror, …; two reports each) and the href of
 * <base> elements (base-uri 'none'). Removing them after parsing is too late.
 * The first <base href> is handed back: relative URLs still resolve against it.
 *
 * The input is the page's own serialization (outerHTML), so tags are regular:
 * this scans tags and their attributes in order, leaves comments and the
 * contents of raw-text elements (script, style, …) alone, and copies everything
 * else unchanged. Security does not depend on it: DOMPurify still removes
 * every handler from what the reader shows.
 */
const TAG_START = /<([a-zA-Z][^\s/>]*)/y;
const ATTRIBUTE = /(\s*)([^\s"'>/=][^\s"'>/=]*)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/y;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

export function stripEventHandlers(html: string): string {
  return prepareForParsing(html).html;
}

export function prepareForParsing(html: string): { html: string; baseHref: string | null } {
  const out: string[] = [];
  const found: { baseHref: string | null } = { baseHref: null };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out.push(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      out.push(html.slice(lt, i));
      continue;
    }
    TAG_START.lastIndex = lt;
    const start = TAG_START.exec(html);
    if (!start) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    out.push(start[0]);
    const name = start[1].toLowerCase();
    i = copyAttributes(html, lt + start[0].length, out, name === 'base' ? found : undefined);
    if (RAW_TEXT.has(name)) {
      // Up to the element's end tag, untouched: "<b onclick>" inside a script is text, not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      out.push(html.slice(i, stop));
      i = stop;
    }
  }
  out.push(html.slice(i));
  return { html: out.join(''), baseHref: found.baseHref };
}

/** Copies a tag's attributes from `at`, leaving out on* ones (and a <base>'s href, kept in `base`); returns where the tag's text ends. */
function copyAttributes(html: string, at: number, out: string[], base?: { baseHref: string | null }): number {
  let i = at;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const attribute = ATTRIBUTE.exec(html);
    if (!attribute || attribute[0] === '') break;
    const name = attribute[2].toLowerCase();
    if (base && name === 'href') base.baseHref ??= attributeValue(attribute[3] ?? '');
    else if (!name.startsWith('on')) out.push(attribute[0]);
    i = ATTRIBUTE.lastIndex;
  }
  return i;
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** The value of `="…"` as the parser would read it (the serializer escapes only a few characters). */
function attributeValue(assignment: string): string {
  const raw = assignment.replace(/^\s*=\s*/, '').replace(/^(["'])([\s\S]*)\1$/, '$2');
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#'))
      return String.fromCodePoint(
        Number.parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10),
      );
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}
