/**
 * Stands in for webextension-polyfill in the middle tier, where the modules run in a plain page. Only the
 * adjustments' font loader calls it (runtime.getURL for a bundled font file): the fixture server has no such
 * file, so a chosen bundled font is not tested here (the e2e tier does, with the real extension). Features that
 * put words on the page (stop motion's hint) get the message's key.
 */
export default {
  runtime: { getURL: (path: string) => `/no-extension-here/${path}` },
  i18n: { getMessage: (key: string) => key },
};
