/**
 * Cascade layers of our page styles. Important declarations in an earlier
 * layer win, so the user's chosen adjustments (spacing, fonts, colours) beat
 * the scaled original line heights of the text-size layer, and both beat
 * every unlayered !important rule of the page.
 */
export const LAYER_ORDER = '@layer easyread-adjust, easyread;';
