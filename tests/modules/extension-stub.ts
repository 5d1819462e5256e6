/**
 * Stands in for webextension-polyfill in the middle tier, where the modules run in a plain page. Only the
 * adjustments' font loader calls it (runtime.getURL for a bundled font file): the fixture server has no such
 * file, so a chosen bundled font is not tested here (the e2e tier does, with the real extension).
 */
export default {
  runtime: { getURL: (path: string) => `/no-extension-here/${path}` },
};
