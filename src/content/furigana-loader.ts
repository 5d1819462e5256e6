/** Switches furigana on the live page from preferences, loading its script the first time it is wanted. */
import type { FuriganaLevel } from '../shared/furigana/levels';
import { loadPageTool } from './page-tool-loader';

export function createFuriganaLoader(): { apply(level: FuriganaLevel): void } {
  let wanted: FuriganaLevel = 'off';
  let running: { level: FuriganaLevel; stop(): void } | undefined;

  async function update(): Promise<void> {
    if (running && running.level !== wanted) {
      running.stop();
      running = undefined;
    }
    if (wanted === 'off' || running) return;
    const tool = await loadPageTool('furigana');
    // The preference may have changed while the script was loading.
    if (!tool || running || (wanted as FuriganaLevel) === 'off') return;
    const level = wanted;
    // A dictionary that fails to load leaves the page untouched; the popup says so from storage.session.
    running = { level, ...tool.start(level, () => console.info('[EasyRead] furigana: dictionary unavailable')) };
  }

  return {
    apply(level) {
      if (level === wanted) return;
      wanted = level;
      void update();
    },
  };
}
