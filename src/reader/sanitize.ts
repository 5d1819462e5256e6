/**
 * The only door from page content to the reader's DOM. Runs in the reader page (with its own window) and in tests
 * (with a jsdom window). DOMPurify removes everything active; afterwards we make the remaining URLs absolute and
 * re-check them, so nothing relative or unsafe survives a move to another origin.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

/** A DOMPurify instance, or a window to create one from (the reader passes its own `window`). */
export type PurifySource = DOMPurify | WindowLike;

const CONFIG: Config = {
  // HTML only: inline SVG and MathML carry their own script and styling vectors, and a reader does not need them.
  USE_PROFILES: { html: true },
  // Ruby parts DOMPurify does not list (its list has ruby, rt and rp).
  ADD_TAGS: ['rb', 'rtc'],
  FORBID_TAGS: [
    'style',
    'link',
    'meta',
    'base',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'option',
    'optgroup',
    'datalist',
    'output',
    'fieldset',
    'legend',
    'label',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'applet',
    'portal',
    'audio',
    'video',
    'source',
    'track',
    'dialog',
    'template',
    // Landmarks of the page would clash with the reader's own (one main, no stray banners); their content stays.
    'main',
    'header',
    'footer',
    'nav',
    'aside',
  ],
  // Controls' labels and option lists are not text to read ("Submit", "Choose…"), so they go with their element.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'object', 'embed', 'frameset', 'frame', 'applet'],
  FORBID_ATTR: [
    'style',
    'class',
    // Links open normally: the reader decides about new tabs, not the page.
    'target',
    'srcset',
    'sizes',
    'ping',
    'download',
    'action',
    'formaction',
    'autofocus',
    'contenteditable',
    'tabindex',
    'accesskey',
  ],
  ALLOW_DATA_ATTR: false,
  // Like DOMPurify's default, with fewer schemes: web, mail, phone, and relative URLs (no scheme before a colon).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|ftp):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM: true,
};

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'ftp:']);

const instances = new WeakMap<object, DOMPurify>();

function purifierFor(source: PurifySource): DOMPurify {
  if ('sanitize' in source && typeof source.sanitize === 'function') return source;
  let purify = instances.get(source);
  if (!purify) {
    purify = createDOMPurify(source as WindowLike);
    instances.set(source, purify);
  }
  return purify;
}

function sanitizedBody(html: string, baseUrl: string, purify: PurifySource): Element {
  const purifier = purifierFor(purify);
  // Without a usable DOM, DOMPurify returns its input unchanged; never let that reach the reader.
  if (!purifier.isSupported) throw new Error('DOMPurify is not supported in this environment');
  const body = purifier.sanitize(html, CONFIG) as unknown as Element;
  fixLinks(body, baseUrl);
  fixImages(body, baseUrl);
  return body;
}

export function sanitizeArticleHtml(html: string, baseUrl: string, purify: PurifySource): string {
  return sanitizedBody(html, baseUrl, purify).innerHTML;
}

/** Absolute hrefs (in-page "#…" links stay: they point at the reader's own headings) and rel="noopener noreferrer". */
function fixLinks(root: Element, baseUrl: string): void {
  for (const el of Array.from(root.querySelectorAll('[href]'))) {
    const href = el.getAttribute('href') ?? '';
    if (!href.startsWith('#')) {
      const absolute = absoluteUrl(href, baseUrl);
      if (absolute && LINK_PROTOCOLS.has(absolute.protocol)) el.setAttribute('href', absolute.href);
      else el.removeAttribute('href');
    }
    if (el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
  }
  for (const el of Array.from(root.querySelectorAll('[cite]'))) {
    const cite = absoluteUrl(el.getAttribute('cite') ?? '', baseUrl);
    if (cite && (cite.protocol === 'http:' || cite.protocol === 'https:')) el.setAttribute('cite', cite.href);
    else el.removeAttribute('cite');
  }
}

/** Images load from the page's site, or inline as data:image/… (never other data: types). */
function fixImages(root: Element, baseUrl: string): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src');
    if (src === null) continue;
    const absolute = absoluteUrl(src, baseUrl);
    const ok = absolute && (absolute.protocol === 'https:' || absolute.protocol === 'http:' || /^data:image\//i.test(absolute.href));
    if (ok) img.setAttribute('src', absolute.href);
    else img.removeAttribute('src');
  }
}

function absoluteUrl(url: string, baseUrl: string): URL | null {
  try {
    return new URL(url.trim(), baseUrl);
  } catch {
    return null;
  }
}

/** The same, as nodes ready to insert into `target` (no innerHTML on the reader page). */
export function sanitizeArticleFragment(html: string, baseUrl: string, purify: PurifySource, target: Document): DocumentFragment {
  const body = sanitizedBody(html, baseUrl, purify);
  const fragment = target.createDocumentFragment();
  fragment.append(...Array.from(body.childNodes, (node) => target.importNode(node, true)));
  return fragment;
}
