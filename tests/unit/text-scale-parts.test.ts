/**
 * The pure and nearly pure parts of live-page text scaling: how editable
 * text is described without writing into it, inline !important sizes, and
 * the sliced reading and writing of huge pages (the real browser runs them
 * in tests/e2e/{chromium,firefox}/live-page-kinds.test.ts).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pageToken } from '../../src/content/page-names';
import { createEditorRules, describeEditable } from '../../src/content/text-scale/editor-sizes';
import { createInlineSizes } from '../../src/content/text-scale/inline-sizes';
import { originalSize } from '../../src/content/text-scale/scale-css';
import { createSlicedWork } from '../../src/content/text-scale/sliced-work';

const { document } = new JSDOM('<!DOCTYPE html><body></body>').window;
const element = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
};
// jsdom has no CSS.escape; identifiers in these tests need none.
const keep = (value: string) => value;

describe('editable text is described by what the page wrote', () => {
  it('by tag and up to three classes', () => {
    expect(describeEditable(element('<p class="lead note a b">x</p>'), keep)).toBe('p.lead.note.a');
    expect(describeEditable(element('<h2>x</h2>'), keep)).toBe('h2');
  });

  it('with its own inline font size, quoted safely', () => {
    expect(describeEditable(element('<span style="font-size: 18px">x</span>'), keep)).toBe('span[style="font-size: 18px"]');
    expect(describeEditable(element('<span style="font: 12px &quot;A\\B&quot;">x</span>'), keep)).toBe(
      'span[style="font: 12px \\"A\\\\B\\""]',
    );
    expect(describeEditable(element('<span style="color: red">x</span>'), keep)).toBe('span');
  });

  it('makes one rule per description, and none where one description has two sizes', () => {
    const rules = createEditorRules();
    expect(rules.add('p', originalSize(16, '24px'))).toBe(true);
    expect(rules.add('p', originalSize(16, '24px'))).toBe(false);
    expect(rules.add('strong', originalSize(16, 'normal'))).toBe(true);
    expect(rules.css(150, ':root')).toBe(
      `@layer ${pageToken()}{\n:root p{font-size:24px!important;line-height:36px!important}\n:root strong{font-size:24px!important}\n}`,
    );
    // A <strong> in a heading is larger: that description gets no rule, so it inherits its parent's scaled size.
    expect(rules.add('strong', originalSize(32, 'normal'))).toBe(true);
    expect(rules.css(150, ':root')).not.toContain('strong');
    expect(rules.add('strong', originalSize(16, 'normal'))).toBe(false);
    expect(rules.knows('strong')).toBe(true);
    expect(rules.knows('em')).toBe(false);
  });

  it('is empty when nothing was measured', () => {
    expect(createEditorRules().css(200, ':root')).toBe('');
  });
});

describe('inline !important sizes', () => {
  it('are scaled in the style attribute and given back exactly', () => {
    const tiny = element('<p style="font-size: 10px !important; color: #333">x</p>');
    const inline = createInlineSizes();
    inline.apply(tiny, originalSize(10, 'normal'), 150);
    expect(tiny.style.getPropertyValue('font-size')).toBe('15px');
    expect(tiny.style.getPropertyPriority('font-size')).toBe('important');
    expect(inline.wroteLast(tiny)).toBe(true);
    inline.rescale(200);
    expect(tiny.style.getPropertyValue('font-size')).toBe('20px');
    inline.restoreAll();
    expect(tiny.getAttribute('style')).toBe('font-size: 10px !important; color: #333');
  });

  it('leave alone sizes without !important', () => {
    const plain = element('<p style="font-size: 10px">x</p>');
    createInlineSizes().apply(plain, originalSize(10, 'normal'), 150);
    expect(plain.getAttribute('style')).toBe('font-size: 10px');
  });

  it('keep an edit the page made while scaled, and give back only the size', () => {
    const tiny = element('<p style="font-size: 10px !important">x</p>');
    const inline = createInlineSizes();
    inline.apply(tiny, originalSize(10, 'normal'), 150);
    tiny.style.color = 'red';
    expect(inline.wroteLast(tiny)).toBe(false);
    expect(inline.lift(tiny)).toEqual(originalSize(10, 'normal'));
    expect(tiny.style.getPropertyValue('font-size')).toBe('10px');
    expect(tiny.style.getPropertyPriority('font-size')).toBe('important');
    expect(tiny.style.color).toBe('red');
  });
});

describe('sliced work', () => {
  const elements = (count: number) => Array.from({ length: count }, () => document.createElement('p'));

  it('does a page of ordinary size at once, reads before writes', () => {
    const log: string[] = [];
    const work = createSlicedWork(null, {
      read: (list) => {
        log.push(`read ${list.length}`);
        return list.map(() => 1);
      },
      write: (list) => log.push(`write ${list.length}`),
    });
    work.add(elements(600));
    expect(log).toEqual(['read 250', 'read 250', 'read 100', 'write 600']);
  });

  it('takes elements from a walk until the first slice is full', () => {
    const written: number[] = [];
    const work = createSlicedWork(null, { read: (list) => list.map(() => 0), write: (list) => written.push(list.length) });
    let left = 4;
    work.addSource(() => (left-- > 0 ? elements(500) : undefined));
    // Without a window nothing is scheduled: only the first slice ran.
    expect(written).toEqual([1500]);
  });
});
