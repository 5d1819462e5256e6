/**
 * Reading mode page (framed over the tab by the overlay script). Gets the
 * article the page side extracted, shows it, and follows the preferences.
 */
import browser from 'webextension-polyfill';
import { startLineFocus } from '../../page-tools/line-focus/line-focus';
import { localizePage, t } from '../../shared/i18n';
import type { MessageMap } from '../../shared/messages';
import { setPreferences } from '../../shared/preferences/actions';
import { type EffectivePreferences, resolvePreferences } from '../../shared/preferences/resolve';
import { loadPreferences, watchPreferences } from '../../shared/preferences/storage';
import { largerTextScale, smallerTextScale } from '../../shared/text-scale-steps';
import type { Article } from '../article';
import { extractArticle } from '../extract';
import { keepToolbarCompact } from './compact-toolbar';
import { setUpControls } from './controls';
import { applyJapaneseLineBreaks } from './japanese-line-breaks';
import { listenForKeys } from './keyboard';
import { setUpReadAloud } from './read-aloud';
import { readerLook } from './reader-style';
import { renderArticle, showNotice } from './render-article';

const reader = document.getElementById('reader') as HTMLElement;

function applyLook(preferences: EffectivePreferences, lang: string): void {
  const look = readerLook(preferences, lang);
  Object.assign(reader.dataset, look.dataset);
  for (const [property, value] of Object.entries(look.properties)) reader.style.setProperty(property, value);
}

/** The reading ruler follows the same preference as on the page it came from. */
function createRuler(): (on: boolean) => void {
  let stop: (() => void) | undefined;
  return (on) => {
    if (on && !stop) stop = startLineFocus();
    if (!on && stop) {
      stop();
      stop = undefined;
    }
  };
}

function close(): void {
  void browser.runtime.sendMessage({ type: 'reader-close' });
}

/** undefined: the page could not be had at all; null: it has nothing reading mode can show. */
async function fetchArticle(): Promise<Article | null | undefined> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: 'reader-get-page' })) as MessageMap['reader-get-page']['response'];
    if (!reply.page) return undefined;
    // DOMParser makes an inert document: no scripts run, nothing loads.
    const document = new DOMParser().parseFromString(reply.page.html, 'text/html');
    return extractArticle(document, reply.page.url);
  } catch (error) {
    console.error('[EasyRead] reading mode could not read this page', error);
    return undefined;
  }
}

async function start(): Promise<void> {
  localizePage();
  document.getElementById('close')?.addEventListener('click', close);
  const article = await fetchArticle();
  if (!article) {
    showNotice(t(article === null ? 'readerNoArticle' : 'readerLoadFailed'));
    listenForKeys({ close, larger: () => undefined, smaller: () => undefined, toggleSpeech: () => undefined });
    document.getElementById('close')?.focus();
    return;
  }
  const origin = new URL(article.sourceUrl).origin;
  const initial = await loadPreferences(origin);
  let preferences = resolvePreferences(initial.global, initial.site);
  const controls = setUpControls(origin, article.lang, () => preferences);
  keepToolbarCompact();
  // The look first, so the first frame with the article already has the user's size, font and colours.
  applyLook(preferences, article.lang);
  controls.show(preferences);
  renderArticle(article);
  await applyJapaneseLineBreaks(document.getElementById('content') as HTMLElement, article.lang);
  if (article.kind === 'fallback') showNotice(t('readerFallbackNotice'));
  const speech = setUpReadAloud(article, () => preferences);
  const ruler = createRuler();
  ruler(preferences.pageLineFocus);

  const refresh = async () => {
    const stored = await loadPreferences(origin);
    preferences = resolvePreferences(stored.global, stored.site);
    applyLook(preferences, article.lang);
    controls.show(preferences);
    speech.preferencesChanged(preferences);
    ruler(preferences.pageLineFocus);
  };
  watchPreferences(() => void refresh());

  listenForKeys({
    close,
    larger: () => void setPreferences(origin, { textScale: largerTextScale(preferences.textScale) }),
    smaller: () => void setPreferences(origin, { textScale: smallerTextScale(preferences.textScale) }),
    toggleSpeech: () => speech.toggle(),
  });
  window.addEventListener('pagehide', () => speech.stop());
  document.getElementById('article-title')?.focus();
}

void start();
