/** Where the content of a page is, and which parts are page furniture (navigation, banners, footers). */
import { elementChildren, roughTextLength, tagOf } from './dom';

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menubar', 'menu', 'toolbar']);
const CHROME_TAGS = new Set(['nav', 'aside']);
/** header/footer are page furniture only at page level; inside these they belong to the content (an article's own header). */
const SECTIONING = 'article, main, section, aside, nav, [role="main"], [role="article"]';

/** Navigation, banners, footers, sidebars and search, by their HTML semantics and ARIA roles. */
export function isSemanticChrome(el: Element): boolean {
  const tag = tagOf(el);
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  if (tag === 'header' || tag === 'footer') return el.parentElement?.closest(SECTIONING) == null;
  return false;
}

/**
 * Furniture named by id or class, for layouts made only of divs (common on older government sites:
 * #header, #gnav, #topicpath, #side, #footer). Whole words only, so "sidebar-free" or "navy" do not match.
 */
const CHROME_WORDS = new Set([
  'header',
  'footer',
  'nav',
  'gnav',
  'lnav',
  'snav',
  'navi',
  'navigation',
  'globalnav',
  'localnav',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'topicpath',
  'pankuzu',
  'side',
  'sidebar',
  'sidenav',
  'sidemenu',
  'skip',
  'utility',
  'pagetop',
  'sns',
  'share',
  'social',
  'banner',
  'copyright',
]);

export function hasChromeName(el: Element): boolean {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`.toLowerCase();
  return names.split(/[\s_-]+/).some((word) => CHROME_WORDS.has(word));
}

/** Elements hidden by markup. Stylesheet-hidden ones cannot be known: a cloned document has no layout. */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style') ?? '';
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The page's main landmark with the most text, or null when it has none (or only empty ones). */
export function findLandmark(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const el of Array.from(doc.querySelectorAll('main, [role="main"]'))) {
    if (isHidden(el)) continue;
    const length = roughTextLength(el);
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return bestLength >= 30 ? best : null;
}

/** Where labelled metadata and the title may be: the landmark, or the whole body without its furniture. */
export function contentScope(doc: Document): Element | null {
  return findLandmark(doc) ?? doc.querySelector('article') ?? doc.body;
}

/** True when `el` is inside page chrome (but never counting `scope` itself or its ancestors). */
export function inChrome(el: Element, scope: Element | null): boolean {
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) {
    if (isSemanticChrome(node)) return true;
  }
  return false;
}

const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'body', 'center', 'font', 'span']);

/**
 * The smallest container that still holds nearly all of the text: walks down from `root` while one child
 * holds at least 80% of it. Stops at lists and tables (the content itself) and never walks away from the
 * title, so an intro paragraph next to the h1 stays in.
 */
export function largestBlock(root: Element, title: Element | null): Element {
  let current = root;
  for (;;) {
    const total = roughTextLength(current);
    let best: Element | null = null;
    let bestLength = 0;
    for (const child of elementChildren(current)) {
      const length = roughTextLength(child);
      if (length > bestLength) {
        best = child;
        bestLength = length;
      }
    }
    if (!best || !CONTAINERS.has(tagOf(best)) || bestLength < total * 0.8) return current;
    if (title && current.contains(title) && !best.contains(title)) return current;
    current = best;
  }
}
