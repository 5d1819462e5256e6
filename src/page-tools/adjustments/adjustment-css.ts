/**
 * Pure: the live-page features' CSS as one stylesheet, each feature's part
 * from its module's `css` (src/features/), in registry order. Everything sits
 * in the `easyread-adjust` cascade layer with !important, which beats every
 * unlayered !important rule of the page; the layer is declared before
 * `easyread` (text size), so chosen spacing wins over scaled original line heights.
 */
import { LAYER_ORDER } from '../../content/layers';
import { hasAdjustments, type PageAdjustments } from '../../shared/features/registry';
import { FEATURE_MODULES } from './feature-modules';

/**
 * SVG and MathML by namespace (`svg|*`) rather than by ancestor (`svg *`): a
 * descendant test inside :not() walks the ancestors of every element of the page.
 */
const NAMESPACES = '@namespace svg url(http://www.w3.org/2000/svg);\n@namespace math url(http://www.w3.org/1998/Math/MathML);';

export function adjustmentCss(adjustments: PageAdjustments): string {
  if (!hasAdjustments(adjustments)) return '';
  const parts = FEATURE_MODULES.map((module) => module.css?.(adjustments) ?? '').filter((part) => part !== '');
  return `${LAYER_ORDER}\n${NAMESPACES}\n@layer easyread-adjust{\n${parts.join('\n')}\n}`;
}
