import type { CommandName } from './messages';

/**
 * The text-size ladder, in percent. Same steps everywhere (live page, popup,
 * reading mode) so "one step larger" always means the same thing.
 */
export const TEXT_SCALE_STEPS = [50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300] as const;

export type TextScaleStep = (typeof TEXT_SCALE_STEPS)[number];

export const DEFAULT_TEXT_SCALE: TextScaleStep = 100;
export const MIN_TEXT_SCALE = TEXT_SCALE_STEPS[0];
export const MAX_TEXT_SCALE = TEXT_SCALE_STEPS[TEXT_SCALE_STEPS.length - 1];

export function isTextScaleStep(value: unknown): value is TextScaleStep {
  return typeof value === 'number' && (TEXT_SCALE_STEPS as readonly number[]).includes(value);
}

/** Snaps any finite percentage to the closest step (ties go to the smaller step). */
export function nearestTextScaleStep(percent: number): TextScaleStep {
  let best: TextScaleStep = DEFAULT_TEXT_SCALE;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const step of TEXT_SCALE_STEPS) {
    const distance = Math.abs(step - percent);
    if (distance < bestDistance) {
      best = step;
      bestDistance = distance;
    }
  }
  return best;
}

export function largerTextScale(current: TextScaleStep): TextScaleStep {
  const index = TEXT_SCALE_STEPS.indexOf(current);
  return TEXT_SCALE_STEPS[Math.min(index + 1, TEXT_SCALE_STEPS.length - 1)];
}

export function smallerTextScale(current: TextScaleStep): TextScaleStep {
  const index = TEXT_SCALE_STEPS.indexOf(current);
  return TEXT_SCALE_STEPS[Math.max(index - 1, 0)];
}

/** The commands that change the text size (a new command is not one of them until it says so). */
export type TextSizeCommand = Extract<CommandName, 'increase-text-size' | 'decrease-text-size' | 'reset-text-size'>;

export function nextTextScale(command: TextSizeCommand, current: TextScaleStep): TextScaleStep {
  switch (command) {
    case 'increase-text-size':
      return largerTextScale(current);
    case 'decrease-text-size':
      return smallerTextScale(current);
    case 'reset-text-size':
      return DEFAULT_TEXT_SCALE;
  }
}
