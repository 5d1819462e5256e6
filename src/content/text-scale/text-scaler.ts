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
import { buildTextScaleCss, isSizeAttribute, type OriginalSize, originalSize, sizeKey } from './scale-css';
import { isInsideEditor, isTextBearing, parentAcrossShadow } from './text-bearing';

export interface TextScaler {
  setScale(percent: number): void;
  stop(): void;
}

type StyleRoot = Document | ShadowRoot;

/** The attribute an element is pinned with (see sizeKey). */
type Pin = string;

interface RootState {
  observer: MutationObserver;
  /** Rules for every known size at the current scale. */
  main: HTMLStyleElement;
  /** Rules for sizes met since the last full render, each batch in its own sheet (see addRules). */
  batches: HTMLStyleElement[];
}

/** Inline style edits that cannot change a font size are ignored (animations write style every frame). */
const FONT_RELATED_STYLE = /font|line-height|--/i;

/** onApplied: called once a new scale is rendered (no argument) and after newly arrived text is pinned (unclip hook). */
export function startTextScaler(document: Document, initialPercent: number, onApplied?: (added?: Element[]) => void): TextScaler {
  const window = document.defaultView;
  let percent = initialPercent;
  /** Every original size met on the page, by its pin attribute. */
  const sizes = new Map<Pin, OriginalSize>();
  const pins = new WeakMap<Element, Pin>();
  const roots = new Map<StyleRoot, RootState>();
  const pendingRemeasure = new Set<Element>();
  let remeasureFrame = 0;
  let resizeTimer = 0;
  let stopped = false;

  function newStyle(): HTMLStyleElement {
    const style = document.createElement('style');
    style.dataset.easyread = 'text-scale';
    return style;
  }

  /** First in document order, so our cascade layer is declared before any of the page's. */
  function place(root: StyleRoot, style: HTMLStyleElement): void {
    const parent = root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root;
    if (parent) parent.prepend(style);
  }

  function renderAll(): void {
    const css = buildTextScaleCss(sizes.values(), percent);
    for (const state of roots.values()) {
      for (const batch of state.batches) batch.remove();
      state.batches = [];
      if (state.main.textContent !== css) state.main.textContent = css;
    }
  }

  /**
   * New sizes go into a new small sheet instead of rewriting the main one: a
   * rewritten sheet makes the browser restyle every element it styled, which
   * on a 20,000-element page cost ~150 ms per new size (npm run bench).
   */
  function addRules(added: OriginalSize[]): void {
    const css = buildTextScaleCss(added, percent);
    for (const [root, state] of roots) {
      const batch = newStyle();
      batch.textContent = css;
      state.batches.push(batch);
      (root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root)?.append(batch);
    }
  }

  function attachRoot(root: StyleRoot): void {
    if (roots.has(root)) return;
    const observer = new MutationObserver((records) => onMutations(root, records));
    const state: RootState = { observer, main: newStyle(), batches: [] };
    roots.set(root, state);
    state.main.textContent = buildTextScaleCss(sizes.values(), percent);
    place(root, state.main);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeOldValue: true,
      attributeFilter: ['class', 'style', 'href', 'media', 'disabled', 'rel'],
    });
  }

  function setPin(element: Element, pin: Pin | undefined): void {
    const old = pins.get(element);
    if (old === pin) return;
    if (old) element.removeAttribute(old);
    if (pin) {
      element.setAttribute(pin, '');
      pins.set(element, pin);
    } else {
      pins.delete(element);
    }
  }

  /** Reads original sizes: pins on the elements and their ancestors are lifted for the read, then restored. */
  function measure(elements: Element[]): OriginalSize[] {
    const lifted: [Element, Pin][] = [];
    const visited = new Set<Element>();
    for (const element of elements) {
      for (let node: Element | null = element; node && !visited.has(node); node = parentAcrossShadow(node)) {
        visited.add(node);
        const pin = pins.get(node);
        if (pin) lifted.push([node, pin]);
      }
    }
    for (const [node] of lifted) setPin(node, undefined);
    for (const element of elements) if (!pins.has(element)) dropCopiedPins(element);
    const measured = elements.map((element) => {
      const computed = getComputedStyle(element);
      return originalSize(Number.parseFloat(computed.fontSize), computed.lineHeight);
    });
    for (const [node, pin] of lifted) setPin(node, pin);
    return measured;
  }

  /** Pages clone nodes (templates, carousels) and the clones carry our attributes but are not ours yet. */
  function dropCopiedPins(element: Element): void {
    if (!element.hasAttributes()) return;
    for (const name of element.getAttributeNames()) if (isSizeAttribute(name)) element.removeAttribute(name);
  }

  function pin(elements: Element[]): void {
    if (elements.length === 0 || stopped) return;
    const measured = measure(elements);
    const added: OriginalSize[] = [];
    measured.forEach((size, index) => {
      if (!Number.isFinite(size.fontSize)) return;
      const pin = sizeKey(size);
      setPin(elements[index], pin);
      if (!sizes.has(pin)) {
        sizes.set(pin, size);
        added.push(size);
      }
    });
    if (added.length > 0) addRules(added);
    onApplied?.(elements);
  }

  /** Unpinned text elements in a subtree, entering open shadow roots on the way. */
  function collectText(subtreeRoot: Element | StyleRoot, into: Set<Element>, checkEditors: boolean): void {
    if (subtreeRoot.nodeType === Node.ELEMENT_NODE) consider(subtreeRoot as Element, into, checkEditors);
    for (const element of subtreeRoot.querySelectorAll('*')) consider(element, into, checkEditors);
  }

  function consider(element: Element, into: Set<Element>, checkEditors: boolean): void {
    if (element.shadowRoot && !roots.has(element.shadowRoot)) {
      attachRoot(element.shadowRoot);
      collectText(element.shadowRoot, into, checkEditors);
    }
    // The parser reports each text node of an element separately: decide once per element.
    if (into.has(element) || pins.has(element) || !isTextBearing(element)) return;
    if (checkEditors && isInsideEditor(element)) return;
    into.add(element);
  }

  function pinnedSelector(): string {
    return Array.from(sizes.keys(), (pin) => `[${pin}]`).join(',');
  }

  function pinnedWithin(scope: Element | StyleRoot): Element[] {
    const selector = pinnedSelector();
    if (!selector) return [];
    const found = Array.from(scope.querySelectorAll(selector));
    if (scope.nodeType === Node.ELEMENT_NODE && pins.has(scope as Element)) found.push(scope as Element);
    return found;
  }

  function scheduleRemeasure(elements: Iterable<Element>): void {
    for (const element of elements) pendingRemeasure.add(element);
    if (remeasureFrame || pendingRemeasure.size === 0 || !window) return;
    // Coalesced to one pass per frame; rAF still runs before that frame is painted.
    remeasureFrame = window.requestAnimationFrame(() => {
      remeasureFrame = 0;
      const elements = [...pendingRemeasure].filter((element) => element.isConnected);
      pendingRemeasure.clear();
      pin(elements);
    });
  }

  function remeasureAll(): void {
    if (stopped) return;
    for (const root of roots.keys()) scheduleRemeasure(pinnedWithin(root));
  }

  function isStylesheetNode(node: Node): boolean {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    const element = node as Element;
    if (element.tagName === 'STYLE') return (element as HTMLElement).dataset.easyread === undefined;
    return element.tagName === 'LINK' && /stylesheet/i.test(element.getAttribute('rel') ?? '');
  }

  /** Each added subtree is walked once, even when the parser reports a parent and its children together. */
  function topmostAdded(added: Set<Element>): Element[] {
    return [...added].filter((element) => {
      for (let node = element.parentNode; node; node = node.parentNode) if (added.has(node as Element)) return false;
      return true;
    });
  }

  function onMutations(root: StyleRoot, records: MutationRecord[]): void {
    const fresh = new Set<Element>();
    const added = new Set<Element>();
    const checkEditors = document.querySelector('[contenteditable]') !== null;
    const state = roots.get(root);
    let stylesheetsChanged = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            added.add(node as Element);
            if (isStylesheetNode(node)) {
              stylesheetsChanged = true;
              node.addEventListener('load', remeasureAll, { once: true });
            }
          } else if (node.nodeType === Node.TEXT_NODE && record.target.nodeType === Node.ELEMENT_NODE) {
            consider(record.target as Element, fresh, checkEditors);
          }
        }
        for (const node of record.removedNodes) {
          // A page that empties <html> or a shadow root takes our sheets with it; put them back.
          if (state && (node === state.main || state.batches.includes(node as HTMLStyleElement))) place(root, node as HTMLStyleElement);
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
    for (const element of topmostAdded(added)) if (element.isConnected) collectText(element, fresh, checkEditors);
    pin([...fresh]);
    if (stylesheetsChanged) remeasureAll();
  }

  function onResize(): void {
    // vw units, clamp() and media queries change original sizes with the window.
    clearTimeout(resizeTimer);
    resizeTimer = window?.setTimeout(remeasureAll, 150) ?? 0;
  }

  attachRoot(document);
  // A stylesheet inserted before we started may still be loading, and text measured now would keep
  // the browser's default size: measure again once it applies (later ones are caught in onMutations).
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet" i]')) {
    if (!link.sheet) link.addEventListener('load', remeasureAll, { once: true });
  }
  const initial = new Set<Element>();
  if (document.documentElement) collectText(document.documentElement, initial, document.querySelector('[contenteditable]') !== null);
  pin([...initial]);
  window?.addEventListener('resize', onResize);

  return {
    setScale(next: number) {
      percent = next;
      renderAll();
      onApplied?.();
    },
    stop() {
      stopped = true;
      window?.removeEventListener('resize', onResize);
      clearTimeout(resizeTimer);
      if (remeasureFrame) window?.cancelAnimationFrame(remeasureFrame);
      pendingRemeasure.clear();
      for (const [root, state] of roots) {
        state.observer.disconnect();
        for (const element of pinnedWithin(root)) setPin(element, undefined);
        state.main.remove();
        for (const batch of state.batches) batch.remove();
      }
      roots.clear();
    },
  };
}
