/** Loads read aloud after the article's first frame (see loadReadAloud). */

import type { EffectivePreferences } from '../../shared/preferences/resolve';
import type { Article } from '../article';
import type { ReadAloud } from './read-aloud';

const HIDDEN_WAIT_MS = 250;

/** Resolves after the next frame has been rendered (a task queued from its animation-frame callback runs after it). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // A frame that is not shown (a background tab) renders nothing: load anyway.
    setTimeout(resolve, HIDDEN_WAIT_MS);
  });
}

/**
 * Read aloud is not needed to paint the article: its code loads after the first frame. A press of Play (or R)
 * before that is kept and carried out once it is there.
 */
export function loadReadAloud(
  article: Article,
  getPreferences: () => EffectivePreferences,
): { use(action: (speech: ReadAloud) => void): void } {
  const play = document.getElementById('play') as HTMLElement;
  let loaded: ReadAloud | undefined;
  let pressedEarly = false;
  const early = () => {
    pressedEarly = true;
  };
  play.addEventListener('click', early);
  const ready = afterNextFrame()
    .then(() => import('./read-aloud'))
    .then(({ setUpReadAloud }) => {
      play.removeEventListener('click', early);
      loaded = setUpReadAloud(article, getPreferences);
      if (pressedEarly) loaded.toggle();
      return loaded;
    });
  return {
    use(action) {
      if (loaded) action(loaded);
      else void ready.then(action);
    },
  };
}
