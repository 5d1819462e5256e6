/**
 * Boxes around an article that are not the article, recognised by what they say rather than by class names
 * (Readability already drops boxes named "share", "related" or "gdpr"; many sites name them otherwise):
 * share bars, cookie notices, newsletter sign-ups and lists of related stories. Removed from the clone before
 * Readability runs, so they neither show up in the reader nor sway its choice of the article.
 *
 * Each test is strict on purpose: a box must be short and say nothing else. A paragraph of an article about
 * cookie law or a ministry's own newsletter has more to say and stays; so do a government page's
 * "Related documents" (関連資料) and "Related links", which are part of what it publishes.
 */
import { collapseSpace, readableText, tagOf } from './dom';

/** Longer than this, a box has content of its own. */
const MAX_BOX_TEXT = 600;
const BOXES = 'div, section, aside, p, ul, ol, form, dialog, footer, header, h2, h3, h4, h5, h6';
/** Cheap first look (native textContent) before the exact tests. */
const KEYWORDS =
  /share|tweet|facebook|linkedin|whatsapp|print|e-?mail|cookie|newsletter|subscribe|sign up|related|read more|more from|also like|recommended|most (?:read|popular)|read next|シェア|ツイート|共有|印刷|クッキー|メールマガジン|メルマガ|ニュースレター|関連記事|関連ニュース|おすすめ|あわせて読みたい|人気記事/i;

export function removeBoilerplate(root: Element, keep: Element | null): void {
  for (const el of Array.from(root.querySelectorAll(BOXES))) {
    if (!root.contains(el) || (keep && el.contains(keep))) continue;
    const raw = el.textContent ?? '';
    if (raw.length > MAX_BOX_TEXT * 4 || !KEYWORDS.test(raw)) continue;
    const text = readableText(el);
    if (text.length > MAX_BOX_TEXT) continue;
    if (isShareBar(el, text) || isCookieNotice(el, text) || isNewsletterBox(el, text) || isRelatedLinks(el, text)) {
      el.remove();
      continue;
    }
    // "More from Transport" as a heading of its own, then the list of links.
    const next = el.nextElementSibling;
    if (next && isRelatedHeading(text) && (tagOf(next) === 'ul' || tagOf(next) === 'ol') && linkShare(next) >= 0.6) {
      next.remove();
      el.remove();
    }
  }
}

const SHARE_TARGET =
  /^(?:share(?: on \S+)?|x|twitter|tweet|facebook|linkedin|whatsapp|line|reddit|pinterest|bluesky|threads|mastodon|e-?mail|mail|print|copy(?: the)? link|シェア(?:する)?|ツイート|ポスト|共有|印刷|リンクをコピー|はてなブックマーク|はてブ)$/i;
/** What may stand around the buttons: a label ("Share this article:") and separators. */
const SHARE_LABEL = /^(?:share(?: (?:this|the) (?:article|story|page|post))?|シェア(?:する)?|共有(?:する)?)?$/i;

/** Two or more links or buttons, each naming a way to share (or print) the page, and nothing else but a label. */
export function isShareBar(el: Element, text = readableText(el)): boolean {
  const controls = Array.from(el.querySelectorAll('a, button, [role="button"]'));
  if (controls.length < 2) return false;
  let rest = collapseSpace(text.replace(/\n/g, ' '));
  for (const control of controls) {
    const label = collapseSpace(control.textContent ?? '') || (control.getAttribute('aria-label') ?? '');
    if (!SHARE_TARGET.test(label)) return false;
    rest = rest.replace(label, ' ');
  }
  return SHARE_LABEL.test(collapseSpace(rest.replace(/[|·•/:：,、]/g, ' ')));
}

const COOKIE = /cookie|クッキー/i;
const CONSENT = /accept|agree|consent|allow|reject|settings|preferences|同意|許可|拒否|設定/i;
const CONSENT_NAME = /cookie|consent|gdpr|cmp/i;

/** Talks about cookies and asks to accept them, with a button (or as a dialog, or named so). */
export function isCookieNotice(el: Element, text = readableText(el)): boolean {
  if (!COOKIE.test(text) || !CONSENT.test(text)) return false;
  const dialog = tagOf(el) === 'dialog' || el.getAttribute('role') === 'dialog' || el.getAttribute('aria-modal') === 'true';
  const named = CONSENT_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
  return dialog || named || el.querySelector('button, [role="button"], input[type="button"], input[type="submit"]') !== null;
}

const NEWSLETTER = /newsletter|ニュースレター|メールマガジン|メルマガ/i;
const SIGN_UP = /sign[ -]?up|subscribe|register|登録|購読/i;

/** Offers a newsletter, with a form, a field or a link to sign up. */
export function isNewsletterBox(el: Element, text = readableText(el)): boolean {
  if (!NEWSLETTER.test(text) || !SIGN_UP.test(text)) return false;
  if (el.querySelector('form, input, button') !== null) return true;
  return Array.from(el.querySelectorAll('a')).some((link) => SIGN_UP.test(link.textContent ?? ''));
}

const RELATED_HEADING =
  /^(?:related(?: articles| stories| news| posts| content| reading)?|read more|read also|more from .{1,40}|more stories|more on this story|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|read next|関連記事|関連ニュース|おすすめ(?:記事)?|こちらもおすすめ|あわせて読みたい|人気記事)[:：]?$/i;

export function isRelatedHeading(text: string): boolean {
  return RELATED_HEADING.test(collapseSpace(text));
}

/**
 * A box or paragraph that starts with "Related" / "More from …" (its first line, or "Related: " before the
 * first link) and is otherwise links.
 */
export function isRelatedLinks(el: Element, text = readableText(el)): boolean {
  const first = text.split('\n')[0] ?? '';
  const label = isRelatedHeading(first) ? first : first.match(/^[^:：]{1,40}[:：]/)?.[0];
  if (!label || !isRelatedHeading(label)) return false;
  const rest = text.slice(label.length).trim();
  return rest.length > 0 && linkShare(el) >= 0.6;
}

/** Share of the element's text that is link text. */
function linkShare(el: Element): number {
  const total = collapseSpace(el.textContent ?? '').length;
  if (total === 0) return 0;
  const links = Array.from(el.querySelectorAll('a')).reduce((sum, link) => sum + collapseSpace(link.textContent ?? '').length, 0);
  return links / total;
}
