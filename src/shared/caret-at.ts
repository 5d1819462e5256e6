/**
 * The text position under a point: caretPositionFromPoint (standard; Firefox,
 * Chrome 128+), else Chrome's older caretRangeFromPoint. Used by reading mode
 * (start reading where the user clicks) and the reading ruler (the line
 * under the pointer).
 */
export function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const withPosition = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}
