/**
 * Under the furigana select (a registry row): "the reading dictionary did not
 * load", while the background says so for this session (storage.session).
 */
import browser from 'webextension-polyfill';
import { FURIGANA_UNAVAILABLE_KEY } from '../shared/furigana/furigana-status';
import { $ } from '../shared/ui/dom';

export function showFuriganaNotice(): void {
  const notice = $('furigana-unavailable');
  $('page-furigana').setAttribute('aria-describedby', notice.id);
  void browser.storage.session.get(FURIGANA_UNAVAILABLE_KEY).then((stored) => {
    notice.hidden = stored[FURIGANA_UNAVAILABLE_KEY] !== true;
  });
}
