/**
 * Live-page text scaling (browser glue around scale-css.ts).
 *
 * How it stays correct whatever units the site uses: every text element is
 * measured once at its original computed size (px, rem, em, %, keywords,
 * clamp() and vw all end up as px) and pinned to "original x scale" by a rule
 * of our own stylesheet. Content added later is measured as it arrives, in the
 * same microtask as the mutation, so it is scaled before the next frame.
 * Everything is undone by stop(): attributes, stylesheets and observers.
 */
import { buildTextScaleCss, FONT_SIZE_ATTRIBUTE, LINE_HEIGHT_ATTRIBUTE, sizeKey } from './scale-css';
import { isInsideEditor, isTextBearing, parentAcrossShadow } from './text-bearing';

export interface TextScaler {
  setScale(percent: number): void;
  stop(): void;
}

type StyleRoot = Document | ShadowRoot;

interface Pin {
  element: Element;
  fontSize: string;
  lineHeight: string | null;
}

const PINNED_SELECTOR = `[${FONT_SIZE_ATTRIBUTE}],[${LINE_HEIGHT_ATTRIBUTE}]`;
/** Inline style edits that cannot change a font size are ignored (animations write style every frame). */
const FONT_RELATED_STYLE = /font|line-height|--/i;

export function startTextScaler(document: Document, initialPercent: number): TextScaler {
  const window = document.defaultView;
  let percent = initialPercent;
  const fontSizeKeys = new Set<string>();
  const lineHeightKeys = new Set<string>();
  const roots = new Map<StyleRoot, { style: HTMLStyleElement; observer: MutationObserver }>();
  let remeasureFrame = 0;
  const pendingRemeasure = new Set<Element>();
  let resizeTimer = 0;
  let stopped = false;

  function renderCss(): void {
    const css = buildTextScaleCss(fontSizeKeys, lineHeightKeys, percent);
    for (const { style } of roots.values()) if (style.textContent !== css) style.textContent = css;
  }

  function attachStyle(root: StyleRoot, style: HTMLStyleElement): void {
    // At document_start there may be no <head> yet; <html> always exists once we run.
    const parent = root.nodeType === Node.DOCUMENT_NODE ? ((root as Document).documentElement ?? root) : root;
    parent.appendChild(style);
  }

  function attachRoot(root: StyleRoot): void {
    if (roots.has(root)) return;
    const style = document.createElement('style');
    style.dataset.easyread = 'text-scale';
    const observer = new MutationObserver((records) => onMutations(root, records));
    roots.set(root, { style, observer });
    attachStyle(root, style);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['class', 'style', 'href', 'media', 'disabled', 'rel'],
    });
    renderCss();
  }

  /** Reads original sizes: pins on the elements and their ancestors are lifted for the read, then restored. */
  function measure(elements: Element[]): Pin[] {
    const lifted: [Element, string | null, string | null][] = [];
    const visited = new Set<Element>();
    for (const element of elements) {
      for (let node: Element | null = element; node && !visited.has(node); node = parentAcrossShadow(node)) {
        visited.add(node);
        if (node.hasAttribute(FONT_SIZE_ATTRIBUTE) || node.hasAttribute(LINE_HEIGHT_ATTRIBUTE)) {
          lifted.push([node, node.getAttribute(FONT_SIZE_ATTRIBUTE), node.getAttribute(LINE_HEIGHT_ATTRIBUTE)]);
        }
      }
    }
    for (const [node] of lifted) {
      node.removeAttribute(FONT_SIZE_ATTRIBUTE);
      node.removeAttribute(LINE_HEIGHT_ATTRIBUTE);
    }
    const pins = elements.map((element): Pin => {
      const computed = getComputedStyle(element);
      const lineHeight = computed.lineHeight;
      return {
        element,
        fontSize: sizeKey(Number.parseFloat(computed.fontSize)),
        lineHeight: lineHeight === 'normal' || lineHeight === '' ? null : sizeKey(Number.parseFloat(lineHeight)),
      };
    });
    for (const [node, fontSize, lineHeight] of lifted) {
      if (fontSize !== null) node.setAttribute(FONT_SIZE_ATTRIBUTE, fontSize);
      if (lineHeight !== null) node.setAttribute(LINE_HEIGHT_ATTRIBUTE, lineHeight);
    }
    return pins;
  }

  function pin(elements: Element[]): void {
    if (elements.length === 0) return;
    const pins = measure(elements);
    let newKeys = false;
    for (const { element, fontSize, lineHeight } of pins) {
      if (Number.isNaN(Number(fontSize))) continue;
      if (element.getAttribute(FONT_SIZE_ATTRIBUTE) !== fontSize) element.setAttribute(FONT_SIZE_ATTRIBUTE, fontSize);
      if (lineHeight === null) element.removeAttribute(LINE_HEIGHT_ATTRIBUTE);
      else if (element.getAttribute(LINE_HEIGHT_ATTRIBUTE) !== lineHeight) element.setAttribute(LINE_HEIGHT_ATTRIBUTE, lineHeight);
      if (!fontSizeKeys.has(fontSize)) {
        fontSizeKeys.add(fontSize);
        newKeys = true;
      }
      if (lineHeight !== null && !lineHeightKeys.has(lineHeight)) {
        lineHeightKeys.add(lineHeight);
        newKeys = true;
      }
    }
    if (newKeys) renderCss();
  }

  /** Unpinned text elements in a subtree, entering open shadow roots on the way. */
  function collectText(subtreeRoot: Element | StyleRoot, into: Element[], checkEditors: boolean): void {
    if (subtreeRoot.nodeType === Node.ELEMENT_NODE) consider(subtreeRoot as Element, into, checkEditors);
    for (const element of subtreeRoot.querySelectorAll('*')) consider(element, into, checkEditors);
  }

  function consider(element: Element, into: Element[], checkEditors: boolean): void {
    if (element.shadowRoot && !roots.has(element.shadowRoot)) {
      attachRoot(element.shadowRoot);
      collectText(element.shadowRoot, into, checkEditors);
    }
    if (element.hasAttribute(FONT_SIZE_ATTRIBUTE) || !isTextBearing(element)) return;
    if (checkEditors && isInsideEditor(element)) return;
    into.push(element);
  }

  function pinnedWithin(element: Element): Element[] {
    const found = Array.from(element.querySelectorAll(PINNED_SELECTOR));
    if (element.matches(PINNED_SELECTOR)) found.push(element);
    return found;
  }

  function scheduleRemeasure(elements: Iterable<Element>): void {
    for (const element of elements) pendingRemeasure.add(element);
    if (remeasureFrame || pendingRemeasure.size === 0) return;
    // Coalesced to one pass per frame; rAF still runs before that frame is painted.
    remeasureFrame =
      window?.requestAnimationFrame(() => {
        remeasureFrame = 0;
        const elements = [...pendingRemeasure].filter((element) => element.isConnected);
        pendingRemeasure.clear();
        pin(elements);
      }) ?? 0;
  }

  function remeasureAll(): void {
    if (stopped) return;
    for (const root of roots.keys()) scheduleRemeasure(root.querySelectorAll(PINNED_SELECTOR));
  }

  function isStylesheetNode(node: Node): boolean {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    const element = node as Element;
    if (element.tagName === 'STYLE') return (element as HTMLElement).dataset.easyread === undefined;
    return element.tagName === 'LINK' && /stylesheet/i.test(element.getAttribute('rel') ?? '');
  }

  function onMutations(root: StyleRoot, records: MutationRecord[]): void {
    const fresh: Element[] = [];
    const checkEditors = document.querySelector('[contenteditable]') !== null;
    let stylesheetsChanged = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            collectText(node as Element, fresh, checkEditors);
            if (isStylesheetNode(node)) {
              stylesheetsChanged = true;
              node.addEventListener('load', remeasureAll, { once: true });
            }
          } else if (node.nodeType === Node.TEXT_NODE && record.target.nodeType === Node.ELEMENT_NODE) {
            consider(record.target as Element, fresh, checkEditors);
          }
        }
        for (const node of record.removedNodes) {
          if (node === roots.get(root)?.style) attachStyle(root, node as HTMLStyleElement);
          else if (isStylesheetNode(node)) stylesheetsChanged = true;
        }
      } else if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) consider(parent, fresh, checkEditors);
      } else if (record.type === 'attributes') {
        const target = record.target as Element;
        if (isStylesheetNode(target)) {
          stylesheetsChanged = true;
        } else if (record.attributeName === 'class' || record.attributeName === 'style') {
          if (
            record.attributeName === 'style' &&
            !FONT_RELATED_STYLE.test(`${record.oldValue ?? ''} ${target.getAttribute('style') ?? ''}`)
          )
            continue;
          scheduleRemeasure(pinnedWithin(target));
        }
      }
    }
    pin([...new Set(fresh)]);
    if (stylesheetsChanged) remeasureAll();
  }

  function onResize(): void {
    // vw units, clamp() and media queries change original sizes with the window.
    clearTimeout(resizeTimer);
    resizeTimer = window?.setTimeout(remeasureAll, 150) ?? 0;
  }

  attachRoot(document);
  const initial: Element[] = [];
  if (document.documentElement) collectText(document.documentElement, initial, document.querySelector('[contenteditable]') !== null);
  pin(initial);
  window?.addEventListener('resize', onResize);

  return {
    setScale(next: number) {
      percent = next;
      renderCss();
    },
    stop() {
      stopped = true;
      window?.removeEventListener('resize', onResize);
      clearTimeout(resizeTimer);
      if (remeasureFrame) window?.cancelAnimationFrame(remeasureFrame);
      pendingRemeasure.clear();
      for (const [root, { style, observer }] of roots) {
        observer.disconnect();
        style.remove();
        for (const element of root.querySelectorAll(PINNED_SELECTOR)) {
          element.removeAttribute(FONT_SIZE_ATTRIBUTE);
          element.removeAttribute(LINE_HEIGHT_ATTRIBUTE);
        }
      }
      roots.clear();
    },
  };
}
