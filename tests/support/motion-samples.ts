/**
 * Whether something on the page moves, from what is painted: a few screenshots
 * over about two seconds, each reduced to a value, counted when distinct.
 */
import { boxInView, centreOf, painted } from './feature-scenarios';
import type { LivePage } from './live-page-scenarios';
import { evaluateIn } from './page-checks';
import { coloursAt, type Point } from './pixels';

/**
 * The blinking GIF's two frames last 300 ms each, so samples a fixed interval
 * apart could all land on one frame (a screenshot plus a 500 ms wait is close
 * to the 600 ms loop): the waits between samples differ, and some are shorter
 * than a frame.
 */
const SAMPLE_WAITS_MS = [80, 230, 140, 310, 60, 190, 270, 0];

async function distinctLooks(page: LivePage, points: () => Promise<Point[]>): Promise<string[]> {
  const at = await points();
  const seen = new Set<string>();
  for (const wait of SAMPLE_WAITS_MS) {
    await painted(page);
    seen.add(JSON.stringify(await coloursAt(page, await page.screenshot(), at)));
    await evaluateIn(page, (ms) => new Promise((done) => setTimeout(done, ms)), wait);
  }
  return [...seen];
}

/** The colours seen at an image's centre over about two seconds (one value: it does not move). */
export const centreColours = (page: LivePage, selector: string): Promise<string[]> =>
  distinctLooks(page, async () => [await centreOf(page, selector)]);

/** The looks of a row of points across an element's middle (a marquee's text) over about two seconds. */
export const rowLooks = (page: LivePage, selector: string): Promise<string[]> =>
  distinctLooks(page, async () => {
    const { left, top, width, height } = await boxInView(page, selector);
    const y = Math.round(top + height / 2);
    const row: Point[] = [];
    for (let x = Math.ceil(left) + 1; x < left + width - 1; x += 3) row.push([x, y]);
    return row;
  });

/** The colour painted at an element's centre now. */
export async function colourAtCentre(page: LivePage, selector: string): Promise<number[]> {
  const centre = await centreOf(page, selector);
  await painted(page);
  return (await coloursAt(page, await page.screenshot(), [centre]))[0];
}
