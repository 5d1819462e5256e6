/**
 * Every name of ours a page can see: the attributes that pin sizes, the
 * marker on our style elements, cascade layers, shadow-host element names and
 * highlight names. A page that could tell its visitor uses an accessibility
 * tool would learn something about their health, so none of these names the
 * extension, and they change with every page load: one random token, picked
 * by the first script of ours in the frame (all our content scripts in a
 * frame share one isolated world, so later page tools read the same token).
 */
declare global {
  var __easyReadToken: string | undefined;
}

export function pageToken(): string {
  // A letter first: layer and custom-element names may not start with a digit.
  globalThis.__easyReadToken ??= `x${crypto.getRandomValues(new Uint32Array(1))[0].toString(36)}`;
  return globalThis.__easyReadToken;
}

/** The attribute that marks a `<style>` element as ours (its value says which part of us). */
export const ourMarker = (): string => `data-${pageToken()}`;

/** Cascade layers: adjustments first, so their !important beats the text-size layer's. */
export const textLayer = (): string => pageToken();
export const adjustLayer = (): string => `${pageToken()}a`;
export const layerOrder = (): string => `@layer ${adjustLayer()}, ${textLayer()};`;

/** A custom-element name for one of our shadow hosts (a hyphen is what makes it a valid custom name). */
export const hostName = (kind: string): string => `${pageToken()}-${kind}`;
