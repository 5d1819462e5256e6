/**
 * Selectors the features' CSS generators share. The sheet declares the `svg`
 * and `math` namespaces (see page-tools/adjustments/adjustment-css.ts).
 */

/** Elements drawn with an icon font (by the class names of the common icon sets). */
export const ICONS =
  '[class*="icon" i], .fa, .fas, .far, .fab, .fal, [class*="fa-"], [class*="material-icons"], [class*="material-symbols"], .glyphicon, [class*="bi-"], [class*="codicon"], [aria-hidden="true"]';

/** Media keep their own colours: never inverted, never painted over. */
export const MEDIA = 'img, picture, video, canvas, svg|*, iframe, embed, object, math|*';
