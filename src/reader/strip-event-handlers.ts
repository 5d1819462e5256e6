/**
 * Removes inline event handler attributes (onclick, onerror, …) from a page's
 * HTML source, before the reader parses it. Chromium checks each one against
 * the reader page's Content-Security-Policy as soon as a parser creates it,
 * even in an inert DOMParser document where nothing could run, and lists every
 * one as an error of the extension (two per attribute). Removing them after
 * parsing is too late.
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
  const out: string[] = [];
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
    i = copyAttributes(html, lt + start[0].length, out);
    const name = start[1].toLowerCase();
    if (RAW_TEXT.has(name)) {
      // Up to the element's end tag, untouched: "<b onclick>" inside a script is text, not a tag.
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      out.push(html.slice(i, stop));
      i = stop;
    }
  }
  out.push(html.slice(i));
  return out.join('');
}

/** Copies a tag's attributes from `at`, leaving out on* ones; returns where the tag's text ends. */
function copyAttributes(html: string, at: number, out: string[]): number {
  let i = at;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const attribute = ATTRIBUTE.exec(html);
    if (!attribute || attribute[0] === '') break;
    if (!attribute[2].toLowerCase().startsWith('on')) out.push(attribute[0]);
    i = ATTRIBUTE.lastIndex;
  }
  return i;
}
