/**
 * Reading ruler (line focus), on the live page and in reading mode: a clear
 * band follows the pointer, the keyboard focus and the text caret; the page
 * above and below it is dimmed. Purely visual: the layer lets every click
 * through, is hidden from assistive technology, and leaves nothing behind
 * when stopped.
 */
import { hostName } from '../../content/page-names';
import { whenRootExists } from '../../content/when-root-exists';
import { caretAt } from '../../shared/caret-at';
import { createShadowHost, createStyled, setStyles } from '../shadow-host';
import { type Band, bandAround, lineHeightOf, readingLineOf } from './band';

/** Dark enough to calm the rest of the page, light enough to keep one's place in it. */
const SHADE = 'rgba(0, 0, 0, 0.55)';
/** Amber edges show on white, black and blue pages alike. */
const EDGE = '2px solid rgb(255, 176, 0)';

/** The box of the line of text under the point, if the point is on one. */
function textLineAt(x: number, y: number): DOMRect | undefined {
  const caret = caretAt(document, x, y);
  if (caret?.node.nodeType !== Node.TEXT_NODE) return undefined;
  const range = document.createRange();
  range.setStart(caret.node, caret.offset);
  const box = range.getClientRects()[0];
  // Caret look-ups snap to the nearest text even from a margin: only a line under the point counts.
  return box && box.height > 0 && y >= box.top && y <= box.bottom ? box : undefined;
}

export function startLineFocus(): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  // Paint containment clips the band's shadow to the viewport.
  const { host, root } = createShadowHost(document, hostName('l'), { inset: '0', contain: 'strict' });
  host.setAttribute('aria-hidden', 'true');
  // One clear band whose spread shadow dims everything else. It moves by transform alone, so
  // following the pointer is a compositor move, not a repaint of the page-sized shade.
  const band = createStyled(document, 'div', {
    position: 'absolute',
    left: '0',
    right: '0',
    top: '0',
    'box-sizing': 'border-box',
    'border-top': EDGE,
    'border-bottom': EDGE,
    'box-shadow': `0 0 0 200vmax ${SHADE}`,
    'will-change': 'transform',
    // Windows High Contrast and other forced colours would otherwise drop the dimming.
    'forced-color-adjust': 'none',
  });
  root.append(band);

  let lineHeight = 24;
  let centre = window.innerHeight / 3;
  let drawn: Band | undefined;

  function draw(): void {
    const next = bandAround(centre, lineHeight, window.innerHeight);
    if (drawn && next.top === drawn.top && next.height === drawn.height) return;
    if (next.height !== drawn?.height) setStyles(band, { height: `${next.height}px` });
    setStyles(band, { transform: `translateY(${next.top}px)` });
    drawn = next;
  }

  function lineHeightAt(element: Element | null): number {
    return element ? lineHeightOf(getComputedStyle(element)) : lineHeight;
  }

  // Pointer moves come faster than frames: follow the latest one, once a frame. The browser has already
  // hit-tested the move (its target), and a move along the line last found changes nothing: only a move
  // to another line pays for the caret look-up.
  let pointer: { x: number; y: number; target: EventTarget | null } | undefined;
  let lastLine: { target: EventTarget | null; top: number; bottom: number } | undefined;
  let frame = 0;
  function followPointer(): void {
    frame = 0;
    if (!pointer) return;
    const { x, y, target } = pointer;
    if (lastLine && target === lastLine.target && y >= lastLine.top && y <= lastLine.bottom) return;
    lineHeight = lineHeightAt(target instanceof Element ? target : document.elementFromPoint(x, y));
    // On a line of text the band sits on that line, not half on the line above.
    const line = textLineAt(x, y);
    lastLine = line && { target, top: line.top, bottom: line.bottom };
    centre = line ? line.top + line.height / 2 : y;
    draw();
  }

  function followBox(box: DOMRect | undefined, element: Element | null): void {
    if (!box || (box.width === 0 && box.height === 0)) return;
    lineHeight = lineHeightAt(element);
    centre = readingLineOf(box, lineHeight);
    draw();
  }

  document.addEventListener(
    'pointermove',
    (event) => {
      pointer = { x: event.clientX, y: event.clientY, target: event.target };
      frame ||= requestAnimationFrame(followPointer);
    },
    { passive: true, signal, capture: true },
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      // Focus moved by the pointer is where the pointer already is.
      if (target?.matches(':focus-visible')) followBox(target.getBoundingClientRect(), target);
    },
    { signal, capture: true },
  );
  // Caret browsing (F7) and text fields: the band follows the caret line by line.
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      const node = range.startContainer;
      const element = node instanceof Element ? node : node.parentElement;
      followBox(range.getClientRects()[0] ?? element?.getBoundingClientRect(), element);
    },
    { signal },
  );
  // Line boxes are kept in viewport coordinates: scrolling or resizing moves them.
  const forgetLine = () => {
    lastLine = undefined;
  };
  document.addEventListener('scroll', forgetLine, { passive: true, signal, capture: true });
  window.addEventListener(
    'resize',
    () => {
      forgetLine();
      draw();
    },
    { passive: true, signal },
  );

  draw();
  whenRootExists(document, () => {
    if (!signal.aborted) document.documentElement.append(host);
  });
  return () => {
    controller.abort();
    cancelAnimationFrame(frame);
    host.remove();
  };
}
