/**
 * Which pages the extension can work on, and how a page maps to the key its
 * per-site preferences are stored under.
 */

/** Browsers refuse content scripts on these; the popup explains instead of failing silently. */
const STORE_HOSTS = new Set(['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org']);

export type PageSupport =
  | { supported: true; origin: string; hostname: string }
  | { supported: false; reason: 'browser-page' | 'web-store' | 'pdf' | 'no-page' };

export function describePage(url: string | undefined): PageSupport {
  if (!url) return { supported: false, reason: 'no-page' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { supported: false, reason: 'no-page' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { supported: false, reason: 'browser-page' };
  }
  if (STORE_HOSTS.has(parsed.hostname)) return { supported: false, reason: 'web-store' };
  if (/\.pdf$/i.test(parsed.pathname)) return { supported: false, reason: 'pdf' };
  return { supported: true, origin: parsed.origin, hostname: parsed.hostname };
}

/**
 * Match pattern for an origin. Match patterns cannot name a port, so
 * `http://127.0.0.1:8080` becomes `http://127.0.0.1/*` (every port of that host).
 */
export function originToMatchPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/** Patterns that mean "every site" when granted. */
export const ALL_SITES_PATTERNS = ['http://*/*', 'https://*/*'] as const;

export function coversAllSites(grantedOrigins: readonly string[]): boolean {
  return (
    grantedOrigins.includes('<all_urls>') ||
    grantedOrigins.includes('*://*/*') ||
    ALL_SITES_PATTERNS.every((pattern) => grantedOrigins.includes(pattern))
  );
}

/** Does a granted host pattern (as permissions.getAll returns it) cover this origin? */
export function patternCoversOrigin(pattern: string, origin: string): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?):\/\/([^/]+)\/.*$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match;
  const url = new URL(origin);
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    return url.hostname === base || url.hostname.endsWith(`.${base}`);
  }
  return url.hostname === host;
}
