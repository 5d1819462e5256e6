/**
 * Switches the page adjustments (colours, font, spacing, links, focus ring)
 * from preferences. Their code loads only while one of them is on; with none
 * on, the loaded code is told so and removes everything it added.
 */
import { hasAdjustments, type PageAdjustments } from '../shared/features/registry';
import { loadedPageTool, loadPageTool } from './page-tool-loader';

export interface AdjustmentsLoader {
  apply(adjustments: PageAdjustments): void;
}

export function createAdjustmentsLoader(): AdjustmentsLoader {
  let wanted: PageAdjustments | undefined;
  return {
    apply(adjustments) {
      wanted = adjustments;
      const loaded = loadedPageTool('adjustments');
      if (loaded) loaded.apply(adjustments);
      else if (hasAdjustments(adjustments)) {
        void loadPageTool('adjustments').then((tool) => {
          // The latest wish, which may have changed while the script was loading.
          if (wanted) tool?.apply(wanted);
        });
      }
    },
  };
}
