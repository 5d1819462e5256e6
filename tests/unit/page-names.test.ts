import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { adjustLayer, hostName, layerOrder, ourMarker, pageToken, textLayer } from '../../src/content/page-names';

describe('names a page can see', () => {
  afterEach(() => {
    globalThis.__easyReadToken = undefined;
  });

  it('never name the extension and are valid attribute, layer and custom-element names', () => {
    const names = [ourMarker(), textLayer(), adjustLayer(), layerOrder(), hostName('l')];
    for (const name of names) expect(name).not.toMatch(/easy|read/i);
    const { document } = new JSDOM('').window;
    expect(() => document.documentElement.setAttribute(ourMarker(), '')).not.toThrow();
    expect(() => document.createElement(hostName('l')).attachShadow({ mode: 'closed' })).not.toThrow();
    expect(hostName('l')).toMatch(/^[a-z][a-z0-9]*-l$/);
    expect(textLayer()).toMatch(/^[a-z][a-z0-9]*$/);
  });

  it('are one token within a page and another on the next page load', () => {
    const first = pageToken();
    expect(pageToken()).toBe(first);
    expect(ourMarker()).toBe(`data-${first}`);
    const tokens = new Set([first]);
    for (let load = 0; load < 20; load++) {
      globalThis.__easyReadToken = undefined; // a new page: a new isolated world
      tokens.add(pageToken());
    }
    expect(tokens.size).toBe(21);
  });
});
