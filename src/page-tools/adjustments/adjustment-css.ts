/**
 * Pure: the live-page features' CSS as one stylesheet, each feature's part
 * from its module's `css` (src/features/), in registry order. Everything sits
 * in the adjustments cascade layer (page-names.ts) with !important, which beats
 * every unlayered !important rule of the page; the layer is declared before the
 * text-size one, so chosen spacing wins over scaled original line heights.
 */
import { adjustLayer, layerOrder } from '../../content/page-names';
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
  // Features with behaviour only (the tint) need no sheet: removing one that declares our layers costs Chromium a
  // relayout of every text (it rebuilds its cascade layers), even with no rule in it.
  if (parts.length === 0) return '';
  return `${layerOrder()}\n${NAMESPACES}\n@layer ${adjustLayer()}{\n${parts.join('\n')}\n}`;
}
