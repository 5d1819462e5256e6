/** Runs `start` once <html> exists: at document_start it may not yet. */
export function whenRootExists(document: Document, start: () => void): void {
  if (document.documentElement) {
    start();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.documentElement) return;
    observer.disconnect();
    start();
  });
  observer.observe(document, { childList: true });
}
