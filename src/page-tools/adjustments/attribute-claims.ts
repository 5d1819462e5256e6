/**
 * Features that change the same attributes of one element (stop motion puts a
 * still frame in an image's src, hide images a placeholder) each claim the
 * values they want; the highest-ranked claim is shown, and when the last claim
 * goes the page's own values come back, whatever order the features were
 * switched on and off in. Values are overwritten rather than removed, so an
 * attribute the page had keeps its place in its HTML.
 */

/** Lowest first: a hidden image shows its placeholder whether or not it would move. */
const RANK = ['still', 'hidden'] as const;
export type Claimant = (typeof RANK)[number];

interface Claims {
  /** The page's own value of every attribute ever claimed (null: it had none). */
  originals: Map<string, string | null>;
  byClaimant: Map<Claimant, Record<string, string>>;
}

// Keyed by element, so it holds no page state beyond the elements' lives; shared by the features of one frame.
const claimed = new WeakMap<Element, Claims>();

function show(element: Element, claims: Claims): void {
  for (const [attribute, original] of claims.originals) {
    let value = original;
    for (const claimant of RANK) value = claims.byClaimant.get(claimant)?.[attribute] ?? value;
    // Set only when it differs: writing an image's src again would load it again.
    if (value === null) element.removeAttribute(attribute);
    else if (element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
  }
}

/** Shows `values` for `claimant` (replacing what it claimed before on this element). */
export function claim(element: Element, claimant: Claimant, values: Record<string, string>): void {
  let claims = claimed.get(element);
  if (!claims) {
    claims = { originals: new Map(), byClaimant: new Map() };
    claimed.set(element, claims);
  }
  for (const attribute of Object.keys(values))
    if (!claims.originals.has(attribute)) claims.originals.set(attribute, element.getAttribute(attribute));
  claims.byClaimant.set(claimant, values);
  show(element, claims);
}

/** Gives up what `claimant` claimed on `element`; the last to go puts the page's values back. */
export function release(element: Element, claimant: Claimant): void {
  const claims = claimed.get(element);
  if (!claims?.byClaimant.delete(claimant)) return;
  show(element, claims);
  if (claims.byClaimant.size === 0) claimed.delete(element);
}

/** Whether another feature shows values of its own on the element. */
export const claimedByOther = (element: Element, claimant: Claimant): boolean =>
  [...(claimed.get(element)?.byClaimant.keys() ?? [])].some((other) => other !== claimant);

/** The page's own value of an attribute, whatever a claim shows now. */
export function pageValue(element: Element, attribute: string): string | null {
  const originals = claimed.get(element)?.originals;
  return originals?.has(attribute) ? (originals.get(attribute) ?? null) : element.getAttribute(attribute);
}
