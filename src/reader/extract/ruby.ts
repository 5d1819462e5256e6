/**
 * Keeps ruby (furigana) intact through Readability.
 *
 * Readability removes every element it thinks is invisible: aria-hidden="true", the hidden attribute or an inline
 * display:none / visibility:hidden (_isProbablyVisible). Sites use exactly those on ruby parts: aria-hidden on <rt> so
 * screen readers do not read the reading twice, aria-hidden on <rb> (Wikisource, mozilla/readability#758, which then
 * loses the base text itself), and display:none on <rp>. On the clone, before Readability runs, we drop those
 * attributes from the parts of every <ruby>; the reader's own stylesheet decides how ruby is shown.
 */

const RUBY_PARTS = 'rb, rt, rp, rtc';
const HIDING = ['aria-hidden', 'hidden', 'style'];

export function protectRuby(root: ParentNode): void {
  for (const ruby of Array.from(root.querySelectorAll('ruby'))) {
    // The ruby itself may be aria-hidden (shown, but not spoken); only a hidden attribute really hides it.
    ruby.removeAttribute('aria-hidden');
    for (const part of Array.from(ruby.querySelectorAll(RUBY_PARTS))) {
      for (const attribute of HIDING) part.removeAttribute(attribute);
    }
  }
}
