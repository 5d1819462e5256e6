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
import { ourMarker } from '../page-names';
import { createEditorRules, describeEditable } from './editor-sizes';
import { createInlineSizes } from './inline-sizes';
import { buildTextScaleCss, isSizeAttribute, type OriginalSize, originalSize, sizeKey } from './scale-css';
import { insertScaleRules, rescaleRules } from './scale-sheet';
import { createSlicedWork } from './sliced-work';
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
  /** Rules for every known size at the current scale, edited in place (scale-sheet.ts). */
  main: HTMLStyleElement;
}

/** Inline style edits that cannot change a font size are ignored (animations write style every frame). */
const FONT_RELATED_STYLE = /font|line-height|--/i;
const XHTML = 'http://www.w3.org/1999/xhtml';
/** More newly pinned elements than this are reported as a whole-page change (unclip then walks the page once). */
const MANY_APPLIED = 2000;
const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

function keep<T>(elements: Element[], values: T[], wanted: (element: Element) => boolean): [Element[], T[]] {
  const kept: [Element[], T[]] = [[], []];
  elements.forEach((element, index) => {
    if (!wanted(element)) return;
    kept[0].push(element);
    kept[1].push(values[index]);
  });
  return kept;
}

/** onApplied: called once a new scale is rendered (no argument) and after newly arrived text is pinned (unclip hook). */
export function startTextScaler(document: Document, initialPercent: number, onApplied?: (added?: Element[]) => void): TextScaler {
  const window = document.defaultView;
  let percent = initialPercent;
  /** Every original size met on the page, by its pin attribute. */
  const sizes = new Map<Pin, OriginalSize>();
  const pins = new WeakMap<Element, Pin>();
  const roots = new Map<StyleRoot, RootState>();
  const inline = createInlineSizes();
  const editorRules = createEditorRules();
  const editorStyle = newStyle();
  const pendingRemeasure = new Set<Element>();
  /** Pinned since unclip last heard of it; undefined for "too many: check every box". */
  let applied: Element[] | undefined = [];
  const work = createSlicedWork(window, {
    read: measure,
    // Measured a few tasks ago: the page may have removed the element since.
    write: (elements, measured) => pinMeasured(...keep(elements, measured, (element) => element.isConnected)),
    // Unclip reads the boxes once the text has settled, not after every slice (its reads would lay out our writes).
    settled() {
      const elements = applied;
      applied = [];
      if (!stopped) onApplied?.(elements);
    },
  });
  let remeasureFrame = 0;
  /** Stylesheet links not loaded yet, and the animation frame that checks them (watchLoadingSheet). */
  const loadingSheets = new Set<HTMLLinkElement>();
  let sheetFrame = 0;
  let resizeTimer = 0;
  let stopped = false;

  function newStyle(): HTMLStyleElement {
    // createElementNS: in an XHTML document createElement would not make an HTML element.
    const style = document.createElementNS(XHTML, 'style') as HTMLStyleElement;
    style.setAttribute(ourMarker(), 't');
    // Firefox judges a <style> whose text we never set by the page's CSP (style-src): inserted empty,
    // it is reported as a blocked inline style. Text set by us (even '') is ours and exempt.
    style.textContent = '';
    return style;
  }

  const parentOf = (root: StyleRoot) => (root.nodeType === Node.DOCUMENT_NODE ? (root as Document).documentElement : root);

  /**
   * Last, not first: Chromium extends its cascade layers for a sheet appended, but rebuilds them for one
   * put before others and lays out every text again (see scale-sheet.ts). Our layer still beats every
   * unlayered !important rule of the page; only a page's own layered !important rules come first.
   */
  function place(root: StyleRoot, style: HTMLStyleElement): void {
    style.textContent = buildTextScaleCss(sizes.values(), percent);
    parentOf(root)?.append(style);
  }

  /**
   * A page that empties <html> or a shadow root, or replaces itself with
   * document.open(), takes our sheets with it: put them back.
   */
  function keepPlaced(root: StyleRoot, state: RootState): void {
    if (state.main.isConnected || !parentOf(root)) return;
    place(root, state.main);
    if (root === document) {
      parentOf(root)?.append(editorStyle);
      // document.open() also drops the window's listeners.
      window?.addEventListener('resize', onResize);
    }
  }

  function editorScope(): string {
    return document.designMode === 'on' ? ':root' : EDITABLE;
  }

  function renderEditors(): void {
    const css = editorRules.css(percent, editorScope());
    if (editorStyle.textContent !== css) editorStyle.textContent = css;
  }

  function renderAll(): void {
    for (const state of roots.values()) rescaleRules(state.main, percent, (pin) => sizes.get(pin));
    inline.rescale(percent);
    renderEditors();
  }

  /** Into the sheets in place: a rewritten sheet would restyle every element it styled (see scale-sheet.ts). */
  function addRules(added: OriginalSize[]): void {
    for (const state of roots.values()) insertScaleRules(state.main, added, percent);
  }

  function attachRoot(root: StyleRoot): void {
    if (roots.has(root)) return;
    const observer = new MutationObserver((records) => onMutations(root, records));
    const state: RootState = { observer, main: newStyle() };
    roots.set(root, state);
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

  /** Reads original sizes: everything of ours on the elements and their ancestors is lifted for the read, then restored. */
  function measure(elements: Element[]): OriginalSize[] {
    const lifted: [Element, Pin][] = [];
    const liftedInline: [Element, OriginalSize][] = [];
    const visited = new Set<Element>();
    for (const element of elements) {
      for (let node: Element | null = element; node && !visited.has(node); node = parentAcrossShadow(node)) {
        visited.add(node);
        const pin = pins.get(node);
        if (pin) lifted.push([node, pin]);
        const inlineSize = inline.lift(node);
        if (inlineSize) liftedInline.push([node, inlineSize]);
      }
    }
    for (const [node] of lifted) setPin(node, undefined);
    for (const element of elements) if (!pins.has(element)) dropCopiedPins(element);
    // Switching a sheet off and on restyles the whole page (a 200,000-element page: 300 ms): only when it has rules.
    const editorSheet = editorStyle.textContent ? editorStyle.sheet : null;
    if (editorSheet) editorSheet.disabled = true;
    const measured = elements.map((element) => {
      const computed = getComputedStyle(element);
      return originalSize(Number.parseFloat(computed.fontSize), computed.lineHeight);
    });
    if (editorSheet) editorSheet.disabled = false;
    for (const [node, pin] of lifted) setPin(node, pin);
    // Ancestors lifted for the read get their scaled size back; the measured elements get theirs in pin().
    const measuredNow = new Set(elements);
    for (const [node, size] of liftedInline) if (!measuredNow.has(node)) inline.apply(node, size, percent);
    return measured;
  }

  /** Pages clone nodes (templates, carousels) and the clones carry our attributes but are not ours yet. */
  function dropCopiedPins(element: Element): void {
    if (!element.hasAttributes()) return;
    for (const name of element.getAttributeNames()) if (isSizeAttribute(name)) element.removeAttribute(name);
  }

  function pinMeasured(elements: Element[], measured: OriginalSize[]): void {
    if (stopped) return;
    const added: OriginalSize[] = [];
    let editorsChanged = false;
    measured.forEach((size, index) => {
      if (!Number.isFinite(size.fontSize)) return;
      const element = elements[index];
      if (isEditable(element)) {
        editorsChanged = editorRules.add(describeEditable(element, CSS.escape), size) || editorsChanged;
        return;
      }
      const pin = sizeKey(size);
      setPin(element, pin);
      inline.apply(element, size, percent);
      if (!sizes.has(pin)) {
        sizes.set(pin, size);
        added.push(size);
      }
    });
    if (added.length > 0) addRules(added);
    if (editorsChanged) renderEditors();
    if (applied && applied.length + elements.length <= MANY_APPLIED) for (const element of elements) applied.push(element);
    else applied = undefined;
  }

  let editorsOnPage = false;
  /** Text the user can edit: nothing of ours may be written into it (see editor-sizes.ts). */
  function isEditable(element: Element): boolean {
    return editorsOnPage && (document.designMode === 'on' || isInsideEditor(element));
  }

  function noteEditors(): void {
    const was = editorsOnPage;
    editorsOnPage = document.designMode === 'on' || document.querySelector(EDITABLE) !== null;
    // A page that turns designMode on after we pinned its text (an editor frame being set up): take our attributes out again.
    if (!was && editorsOnPage && document.designMode === 'on') {
      for (const element of pinnedWithin(document)) {
        setPin(element, undefined);
        inline.lift(element);
        pendingRemeasure.add(element);
      }
      scheduleRemeasure([]);
    }
  }

  /** Text elements in a subtree that still need measuring, entering open shadow roots on the way. */
  function collectText(subtreeRoot: Element | StyleRoot, into: Set<Element>): void {
    if (subtreeRoot.nodeType === Node.ELEMENT_NODE) consider(subtreeRoot as Element, into);
    for (const element of subtreeRoot.querySelectorAll('*')) consider(element, into);
  }

  /** A walk through a subtree, a few hundred elements per call (a 200,000-element page takes seconds to walk). */
  function walkText(subtreeRoot: Element): () => Element[] | undefined {
    const walker = document.createTreeWalker(subtreeRoot, NodeFilter.SHOW_ELEMENT);
    let node: Node | null = subtreeRoot;
    return () => {
      if (!node) return undefined;
      const found = new Set<Element>();
      for (let count = 0; node && count < 500; count++, node = walker.nextNode()) consider(node as Element, found);
      return [...found];
    };
  }

  function consider(element: Element, into: Set<Element>): void {
    if (element.shadowRoot && !roots.has(element.shadowRoot)) {
      attachRoot(element.shadowRoot);
      collectText(element.shadowRoot, into);
    }
    // The parser reports each text node of an element separately: decide once per element.
    if (into.has(element) || pins.has(element) || !isTextBearing(element)) return;
    // Typing in an editor must not cost a measurement per key: a known kind of element is already sized.
    if (isEditable(element) && editorRules.knows(describeEditable(element, CSS.escape))) return;
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
      const elements = [...pendingRemeasure];
      pendingRemeasure.clear();
      work.add(elements);
    });
  }

  function remeasureAll(): void {
    if (stopped) return;
    for (const root of roots.keys()) scheduleRemeasure(pinnedWithin(root));
  }

  /**
   * A stylesheet has just loaded: measure again at once, in this task, not in a later slice. A
   * render-blocking sheet loads before the first frame, which must not show text pinned at the
   * browser's default size (nor sizes read before the sheet applied and written after).
   */
  function remeasureNow(): void {
    if (stopped) return;
    work.redo([...roots.keys()].flatMap(pinnedWithin));
  }

  /**
   * A stylesheet still loading. Its load event can come after the first frame that uses it (seen on a
   * busy machine), so each animation frame also checks: rAF runs before that frame's style and paint.
   */
  function watchLoadingSheet(link: HTMLLinkElement): void {
    // A disabled link is never fetched: watching it would keep a frame callback going for nothing.
    if (link.sheet || link.disabled || loadingSheets.has(link)) return;
    loadingSheets.add(link);
    const settled = () => loadingSheets.delete(link) && remeasureNow();
    link.addEventListener('load', settled, { once: true });
    link.addEventListener('error', () => loadingSheets.delete(link), { once: true });
    if (!sheetFrame) sheetFrame = window?.requestAnimationFrame(checkLoadingSheets) ?? 0;
  }

  function checkLoadingSheets(): void {
    sheetFrame = 0;
    let loaded = false;
    for (const link of loadingSheets) {
      if (link.sheet || !link.isConnected) loaded = loadingSheets.delete(link);
      else if (link.disabled) loadingSheets.delete(link);
    }
    if (loaded) remeasureNow();
    if (loadingSheets.size > 0 && !stopped) sheetFrame = window?.requestAnimationFrame(checkLoadingSheets) ?? 0;
  }

  function isStylesheetNode(node: Node): boolean {
    if (node.nodeType !== Node.ELEMENT_NODE) return false;
    const element = node as Element;
    if (element.localName === 'style') return !element.hasAttribute(ourMarker());
    return element.localName === 'link' && /stylesheet/i.test(element.getAttribute('rel') ?? '');
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
    const state = roots.get(root);
    if (state) keepPlaced(root, state);
    noteEditors();
    let stylesheetsChanged = false;
    for (const record of records) {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            added.add(node as Element);
            if (isStylesheetNode(node)) {
              stylesheetsChanged = true;
              // A <style> with an @import fires load once that has arrived.
              if ((node as Element).localName === 'link') watchLoadingSheet(node as HTMLLinkElement);
              else node.addEventListener('load', remeasureNow, { once: true });
            }
          } else if (node.nodeType === Node.TEXT_NODE && record.target.nodeType === Node.ELEMENT_NODE) {
            consider(record.target as Element, fresh);
          }
        }
        for (const node of record.removedNodes) if (isStylesheetNode(node)) stylesheetsChanged = true;
      } else if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent) consider(parent, fresh);
      } else if (record.type === 'attributes') {
        const target = record.target as Element;
        if (isStylesheetNode(target)) {
          stylesheetsChanged = true;
        } else if (record.attributeName === 'class' || record.attributeName === 'style') {
          if (record.attributeName === 'style') {
            if (inline.wroteLast(target)) continue;
            if (!FONT_RELATED_STYLE.test(`${record.oldValue ?? ''} ${target.getAttribute('style') ?? ''}`)) continue;
          }
          scheduleRemeasure(pinnedWithin(target));
        }
      }
    }
    for (const element of topmostAdded(added)) if (element.isConnected) collectText(element, fresh);
    work.add([...fresh]);
    if (stylesheetsChanged) remeasureAll();
  }

  function onResize(): void {
    // vw units, clamp() and media queries change original sizes with the window.
    clearTimeout(resizeTimer);
    resizeTimer = window?.setTimeout(remeasureAll, 150) ?? 0;
  }

  noteEditors();
  // The first slice is read before our stylesheets exist: reading styles right after adding a sheet
  // would make the browser restyle the whole page inside our task (300 ms on a 200,000-element page).
  if (document.documentElement) {
    // A page the user has scrolled: what is on screen first.
    const onScreen = window && window.scrollY > 0 ? document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) : null;
    const region = onScreen?.parentElement?.parentElement;
    if (region) work.addSource(walkText(region));
    work.addSource(walkText(document.documentElement));
  }
  attachRoot(document);
  document.documentElement?.append(editorStyle);
  // A stylesheet inserted before we started may still be loading, and text measured now would keep
  // the browser's default size: measure again once it applies (later ones are caught in onMutations).
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet" i]')) watchLoadingSheet(link);
  window?.addEventListener('resize', onResize);

  return {
    setScale(next: number) {
      percent = next;
      renderAll();
      onApplied?.();
    },
    stop() {
      stopped = true;
      work.cancel();
      window?.removeEventListener('resize', onResize);
      clearTimeout(resizeTimer);
      if (remeasureFrame) window?.cancelAnimationFrame(remeasureFrame);
      if (sheetFrame) window?.cancelAnimationFrame(sheetFrame);
      loadingSheets.clear();
      pendingRemeasure.clear();
      inline.restoreAll();
      for (const [root, state] of roots) {
        state.observer.disconnect();
        for (const element of pinnedWithin(root)) setPin(element, undefined);
        state.main.remove();
      }
      editorStyle.remove();
      roots.clear();
    },
  };
}
