import { describe, expect, it } from 'vitest';
import {
  isTextScaleStep,
  largerTextScale,
  nearestTextScaleStep,
  nextTextScale,
  smallerTextScale,
  TEXT_SCALE_STEPS,
} from '../../src/shared/text-scale-steps';

describe('text size steps', () => {
  it('run from 50% to 300% in increasing order', () => {
    expect(TEXT_SCALE_STEPS[0]).toBe(50);
    expect(TEXT_SCALE_STEPS.at(-1)).toBe(300);
    expect([...TEXT_SCALE_STEPS].sort((a, b) => a - b)).toEqual([...TEXT_SCALE_STEPS]);
  });

  it('step up and down one at a time and stop at the ends', () => {
    expect(largerTextScale(100)).toBe(110);
    expect(largerTextScale(125)).toBe(150);
    expect(smallerTextScale(100)).toBe(90);
    expect(largerTextScale(300)).toBe(300);
    expect(smallerTextScale(50)).toBe(50);
  });

  it('snap arbitrary percentages to the nearest step', () => {
    expect(nearestTextScaleStep(149)).toBe(150);
    expect(nearestTextScaleStep(66.6)).toBe(67);
    expect(nearestTextScaleStep(1000)).toBe(300);
    expect(nearestTextScaleStep(1)).toBe(50);
    expect(nearestTextScaleStep(105)).toBe(100);
  });

  it('recognise only real steps', () => {
    expect(isTextScaleStep(150)).toBe(true);
    expect(isTextScaleStep(151)).toBe(false);
    expect(isTextScaleStep('150')).toBe(false);
  });

  it('map commands to the next size', () => {
    expect(nextTextScale('increase-text-size', 100)).toBe(110);
    expect(nextTextScale('decrease-text-size', 100)).toBe(90);
    expect(nextTextScale('reset-text-size', 250)).toBe(100);
  });
});
