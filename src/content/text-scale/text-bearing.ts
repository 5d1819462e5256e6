/**
 * Which elements get their own size pin. Only elements that show text
 * themselves: containers are left alone, so boxes, images and em-sized layout
 * keep their size ("text only"), and content appended to a container later is
 * measured at its original size with no extra work.
 */
const XHTML = 'http://www.w3.org/1999/xhtml';
// localName, not tagName: in an XHTML document tagName is lower case.
const NEVER = new Set(['script', 'style', 'noscript', 'template', 'title', 'head', 'html', 'iframe', 'object', 'canvas', 'video', 'audio']);
const FORM_CONTROLS = new Set(['input', 'textarea', 'select', 'button']);
/** Node.TEXT_NODE, as a constant: this runs for every element of a page. */
const TEXT_NODE = 3;

export function isTextBearing(element: Element): boolean {
  if (element.namespaceURI !== XHTML || NEVER.has(element.localName)) return false;
  if (FORM_CONTROLS.has(element.localName)) return element.getAttribute('type') !== 'hidden';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE && /\S/.test((node as Text).data)) return true;
  }
  return false;
}

/**
 * Inside a rich-text editor only the editing host is pinned: attributes on the
 * inner elements would end up in what the user writes and saves.
 */
export function isInsideEditor(element: Element): boolean {
  const parent = element.parentElement;
  return parent !== null && parent.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** Parent element, stepping out of a shadow root to its host (the host's size is inherited inside). */
export function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  return parent && parent.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? ((parent as ShadowRoot).host ?? null) : null;
}
