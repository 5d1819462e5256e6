/**
 * What a person sees, in numbers: the brightness of points of a screenshot.
 * The PNG is decoded by the browser itself (an <img> drawn on a canvas in
 * the page given), so no image library is needed and Playwright and
 * Puppeteer pages both work.
 */

import { evaluateIn, type ScriptTarget } from './page-checks';

export type Point = readonly [x: number, y: number];

interface DecodeRequest {
  base64: string;
  points: readonly Point[];
}

/** A Playwright or Puppeteer page (their evaluate() types differ, the call is the same). */
interface EvaluatingPage {
  evaluate(decode: (request: DecodeRequest) => Promise<number[]>, request: DecodeRequest): Promise<unknown>;
}

/** Relative luminance (0 black … 1 white) of each point of a PNG screenshot. */
export async function luminanceAt(page: EvaluatingPage, png: Uint8Array, points: readonly Point[]): Promise<number[]> {
  const base64 = Buffer.from(png).toString('base64');
  return (await page.evaluate(
    async ({ base64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      const linear = (value: number) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return points.map(([x, y]) => {
        const [r, g, b] = context.getImageData(x, y, 1, 1).data;
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
      });
    },
    { base64, points },
  )) as number[];
}

/** The colour [r, g, b] (0–255) of each point of a PNG screenshot, decoded in the page given (any page that runs a script). */
export async function coloursAt(page: ScriptTarget, png: Uint8Array, points: readonly Point[]): Promise<number[][]> {
  const base64 = Buffer.from(png).toString('base64');
  return evaluateIn(
    page,
    async ({ base64, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
    },
    { base64, points },
  );
}
