/**
 * Pure: where the on-page button sits. In its corner, unless the page has a
 * control of its own there (a fixed "page top" button, a chat launcher, a
 * focused text field): then it moves along the side edge, away from the
 * corner, just past each such control, so it never covers one.
 */
import type { PAGE_BUTTON_CORNERS } from '../../features/page-button';

export type Corner = (typeof PAGE_BUTTON_CORNERS)[number];

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Distance from the window's edges, and between the button and a control it moves past (px). */
export const EDGE_GAP = 12;

export function isTopCorner(corner: Corner): boolean {
  return corner.startsWith('top');
}

export function isLeftCorner(corner: Corner): boolean {
  return corner.endsWith('left');
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** The button's box in the viewport when it is `shift` px away from its corner along the side edge. */
export function buttonBox(
  corner: Corner,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  shift: number,
): Box {
  const left = isLeftCorner(corner) ? EDGE_GAP : viewport.width - EDGE_GAP - size.width;
  const top = isTopCorner(corner) ? EDGE_GAP + shift : viewport.height - EDGE_GAP - size.height - shift;
  return { left, top, width: size.width, height: size.height };
}

/**
 * How far (px) the button moves from its corner along the side edge to clear
 * every obstacle. It goes at most half the window's height; if nothing is
 * free by then it stays in the corner (a page full of controls along its
 * edge is better served by the user choosing another corner).
 */
export function shiftPastObstacles(
  corner: Corner,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  obstacles: readonly Box[],
): number {
  const limit = viewport.height / 2;
  let shift = 0;
  for (let round = 0; round <= obstacles.length; round++) {
    const box = buttonBox(corner, size, viewport, shift);
    const hit = obstacles.filter((obstacle) => overlaps(box, obstacle));
    if (hit.length === 0) return shift;
    // Just past the farthest control the button now touches, with the same gap as from the edge.
    const past = hit.map((obstacle) => (isTopCorner(corner) ? obstacle.top + obstacle.height : viewport.height - obstacle.top));
    shift = Math.max(shift, ...past);
    if (shift > limit) return 0;
  }
  return shift;
}

/** The next corner clockwise, for the panel's "Move this button". */
export function nextCorner(corner: Corner, corners: readonly Corner[]): Corner {
  return corners[(corners.indexOf(corner) + 1) % corners.length] ?? corner;
}
