/**
 * Reading mode page (framed over the tab by the overlay script). Gets the
 * article the page side extracted, shows it, and follows the preferences.
 */
import { localizePage, t } from '../../shared/i18n';
import { setPreferences } from '../../shared/preferences/actions';
import { type EffectivePreferences, resolvePreferences } from '../../shared/preferences/resolve';
import { loadPreferences, type StoredPreferences, watchPreferences } from '../../shared/preferences/storage';
import { largerTextScale, smallerTextScale } from '../../shared/text-scale-steps';
import type { Article, PageSnapshot } from '../article';
import { extractArticle } from '../extract';
import { parseSnapshot } from '../parse-snapshot';
import { keepToolbarCompact } from './compact-toolbar';
import { setUpControls } from './controls';
import { applyJapaneseLineBreaks } from './japanese-line-breaks';
import { listenForKeys } from './keyboard';
import { followInReaderLinks } from './links';
import { loadReadAloud } from './read-aloud-loader';
import { createReaderFurigana } from './reader-furigana';
import { openReaderSession } from './reader-session';
import { readerLook } from './reader-style';
import { renderArticle, showNotice } from './render-article';

const reader = document.getElementById('reader') as HTMLElement;

function applyLook(preferences: EffectivePreferences, lang: string): void {
  const look = readerLook(preferences, lang);
  Object.assign(reader.dataset, look.dataset);
  for (const [property, value] of Object.entries(look.properties)) reader.style.setProperty(property, value);
}

/** The reading ruler follows the same preference as on the page it came from (its code loads only when it is on). */
function createRuler(): (on: boolean) => void {
  let stop: (() => void) | undefined;
  let wanted = false;
  return (on) => {
    wanted = on;
    if (on && !stop) {
      void import('../../page-tools/line-focus/line-focus').then(({ startLineFocus }) => {
        if (wanted && !stop) stop = startLineFocus();
      });
    }
    if (!on && stop) {
      stop();
      stop = undefined;
    }
  };
}

const session = openReaderSession();
const close = () => session.close();

/** null: the page has nothing reading mode can show (or could not be read). */
function extractFrom(page: PageSnapshot): Article | null {
  try {
    return extractArticle(parseSnapshot(page), page.url);
  } catch (error) {
    console.error('[EasyRead] reading mode could not read this page', error);
    return null;
  }
}

function noticeFor(page: PageSnapshot | null): string {
  if (!page) return t('readerLoadFailed');
  return t(page.frames === 'unreadable' ? 'readerFramesUnreadable' : 'readerNoArticle');
}

/** No article: the notice, and a toolbar that still shows the user's settings (it changes them as usual). */
async function startWithNotice(page: PageSnapshot | null, loading: Promise<StoredPreferences>): Promise<void> {
  const origin = originOf(page?.url);
  const stored = await loading;
  let preferences = resolvePreferences(stored.global, stored.site);
  const controls = setUpControls(origin ?? '', 'en', () => preferences);
  applyLook(preferences, document.documentElement.lang);
  controls.show(preferences);
  showNotice(noticeFor(page));
  watchPreferences(async () => {
    const again = await loadPreferences(origin);
    preferences = resolvePreferences(again.global, again.site);
    applyLook(preferences, document.documentElement.lang);
    controls.show(preferences);
  });
  const change = (next: (scale: EffectivePreferences['textScale']) => EffectivePreferences['textScale']) => () => {
    void setPreferences(origin ?? '', { textScale: next(preferences.textScale) });
  };
  listenForKeys({ close, larger: change(largerTextScale), smaller: change(smallerTextScale), toggleSpeech: () => undefined });
  document.getElementById('close')?.focus();
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  localizePage();
  document.getElementById('close')?.addEventListener('click', close);
  const page = await session.page;
  performance.mark('easyread:page');
  const origin = originOf(page?.url);
  // Storage is read while the article is extracted.
  const stored = loadPreferences(origin);
  const article = page ? extractFrom(page) : null;
  performance.mark('easyread:extracted');
  if (!article || !origin) return startWithNotice(page, stored);
  const initial = await stored;
  let preferences = resolvePreferences(initial.global, initial.site);
  const controls = setUpControls(origin, article.lang, () => preferences);
  keepToolbarCompact();
  // The look first, so the first frame with the article already has the user's size, font and colours.
  applyLook(preferences, article.lang);
  controls.show(preferences);
  renderArticle(article);
  performance.mark('easyread:rendered');
  followInReaderLinks(document.getElementById('article') as HTMLElement);
  await applyJapaneseLineBreaks(document.getElementById('content') as HTMLElement, article.lang);
  if (article.kind === 'fallback') showNotice(t('readerFallbackNotice'));
  const speech = loadReadAloud(article, () => preferences);
  const ruler = createRuler();
  ruler(preferences.pageLineFocus);
  const furigana = createReaderFurigana(document.getElementById('article') as HTMLElement, () => showNotice(t('pageFuriganaUnavailable')));
  furigana(preferences.pageFurigana);

  const refresh = async () => {
    const again = await loadPreferences(origin);
    preferences = resolvePreferences(again.global, again.site);
    applyLook(preferences, article.lang);
    controls.show(preferences);
    speech.use((loaded) => loaded.preferencesChanged(preferences));
    ruler(preferences.pageLineFocus);
    furigana(preferences.pageFurigana);
  };
  watchPreferences(() => void refresh());

  listenForKeys({
    close,
    larger: () => void setPreferences(origin, { textScale: largerTextScale(preferences.textScale) }),
    smaller: () => void setPreferences(origin, { textScale: smallerTextScale(preferences.textScale) }),
    toggleSpeech: () => speech.use((loaded) => loaded.toggle()),
  });
  window.addEventListener('pagehide', () => speech.use((loaded) => loaded.stop()));
  document.getElementById('article-title')?.focus();
}

void start();
