/**
 * The middle tier's scenarios: the text scaler, the page adjustments and the reading ruler, each run
 * straight in a fixture page (bundled by module-bundle.ts, no extension, no messages, no storage),
 * in Chromium and Firefox alike. What is asserted is what the user would see: computed sizes and
 * colours, what is under the pointer, and the page's DOM after stop.
 */
import { expect } from 'vitest';
import { evaluateIn, fontSizes, type ScriptTarget } from './page-checks';

export interface ModuleHarness {
  /** A fixture page from the fixture server, with the modules on window.__modules. */
  open(path: string): Promise<ScriptTarget>;
}

const PROBES = '[data-probe]';
const outerHtml = (page: ScriptTarget) => evaluateIn(page, () => document.documentElement.outerHTML, undefined);

async function expectSizes(page: ScriptTarget, expected: number[]): Promise<void> {
  await expect.poll(() => fontSizes(page, PROBES), { timeout: 10_000 }).toEqual(expected.map((size) => expect.closeTo(size, 1)));
}

const times = (sizes: number[], factor: number) => sizes.map((size) => size * factor);

export const moduleScenarios = {
  async 'text scaler: every text at the exact factor on px, rem/em, inline !important and Japanese pages; stop gives the page back byte-identical'(
    h: ModuleHarness,
  ) {
    for (const fixture of ['px-only.html', 'rem-em.html', 'inline-important.html', 'japanese-gov.html']) {
      const page = await h.open(fixture);
      const original = await outerHtml(page);
      const baseline = await fontSizes(page, PROBES);
      expect(baseline.length, fixture).toBeGreaterThan(1);
      await page.evaluate('window.__scaler = window.__modules.startTextScaler(document, 150)');
      await expectSizes(page, times(baseline, 1.5));
      await page.evaluate('window.__scaler.setScale(125)');
      await expectSizes(page, times(baseline, 1.25));
      await page.evaluate('window.__scaler.stop()');
      await expectSizes(page, baseline);
      expect(await outerHtml(page), fixture).toBe(original);
    }
  },

  async 'text scaler: text the page adds later is scaled, in the document and in an open shadow root'(h: ModuleHarness) {
    const page = await h.open('px-only.html');
    await page.evaluate('window.__scaler = window.__modules.startTextScaler(document, 200)');
    await page.evaluate(`(() => {
      const late = document.createElement('p');
      late.id = 'late';
      late.style.fontSize = '15px';
      late.textContent = 'Added after the scaler started.';
      const host = document.createElement('div');
      host.id = 'host';
      const inner = document.createElement('span');
      inner.style.fontSize = '11px';
      inner.textContent = 'Inside a shadow root.';
      host.attachShadow({ mode: 'open' }).append(inner);
      document.body.append(late, host);
    })()`);
    const sizes = () =>
      page.evaluate(`[
        parseFloat(getComputedStyle(document.getElementById('late')).fontSize),
        parseFloat(getComputedStyle(document.getElementById('host').shadowRoot.querySelector('span')).fontSize),
      ]`);
    await expect.poll(sizes, { timeout: 10_000 }).toEqual([30, 22]);
    await page.evaluate('window.__scaler.stop()');
    await expect.poll(sizes, { timeout: 10_000 }).toEqual([15, 11]);
  },

  async 'adjustments: yellow on black paints the text yellow on black, and off gives the page back byte-identical'(h: ModuleHarness) {
    const page = await h.open('px-only.html');
    const original = await outerHtml(page);
    const paint = () =>
      evaluateIn(
        page,
        () => {
          const style = getComputedStyle(document.querySelector('[data-probe="body-paragraph"]') as Element);
          const body = getComputedStyle(document.body);
          return [style.color, body.backgroundColor];
        },
        undefined,
      );
    const before = await paint();
    // Every feature at its default (off), from the registry, then the one scheme on.
    await page.evaluate(`window.__adjust = window.__modules.createAdjustmentsController(document);
      window.__adjust.apply({ ...window.__modules.featureDefaults(), pageColours: 'yellow-on-black' })`);
    await expect.poll(paint, { timeout: 10_000 }).toEqual(['rgb(255, 255, 0)', 'rgb(0, 0, 0)']);
    await page.evaluate('window.__adjust.apply(window.__modules.featureDefaults())');
    await expect.poll(paint, { timeout: 10_000 }).toEqual(before);
    expect(await outerHtml(page)).toBe(original);
  },

  async 'reading ruler: covers the page from a closed shadow root, lets the pointer reach the page, and stop removes it exactly'(
    h: ModuleHarness,
  ) {
    const page = await h.open('px-only.html');
    const original = await outerHtml(page);
    await page.evaluate('window.__stopRuler = window.__modules.startLineFocus()');
    const host = () =>
      evaluateIn(
        page,
        () => {
          const element = document.documentElement.lastElementChild;
          if (!element || /^(head|body)$/.test(element.localName)) return null;
          const box = element.getBoundingClientRect();
          return { open: element.shadowRoot !== null, covers: box.width >= innerWidth && box.height >= innerHeight };
        },
        undefined,
      );
    await expect.poll(host, { timeout: 10_000 }).toEqual({ open: false, covers: true });
    // What is under the pointer is the page's own heading, not our layer.
    expect(
      await evaluateIn(
        page,
        () => {
          const heading = document.querySelector('[data-probe="heading"]') as Element;
          const box = heading.getBoundingClientRect();
          return document.elementFromPoint(box.left + 4, box.top + box.height / 2) === heading;
        },
        undefined,
      ),
    ).toBe(true);
    await page.evaluate('window.__stopRuler()');
    expect(await outerHtml(page)).toBe(original);
  },
};

export type ModuleScenario = keyof typeof moduleScenarios;
