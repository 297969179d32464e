/**
 * The two layout facts Fluent UI's focus management needs, which jsdom (no layout) lacks.
 *
 * Fluent's focus manager (tabster) counts an element as focusable only when it is
 * visible: the document's <body> has a size (a 0×0 body means a hidden iframe) and the
 * element has an `offsetParent` (none means display:none). jsdom lays nothing out, so
 * neither holds and, for tabster, nothing on the page can take the focus. A Fluent dialog
 * then puts the focus on its own surface instead of its first field, as it never does in a
 * browser; tabster does not count that as entering the modal, keeps the modal inactive
 * and, at its next pass over the page (250 ms after a DOM change), hides the dialog with
 * aria-hidden like any inactive modal. Whether a test queried the dialog before that pass
 * was a race with the clock, lost on a busy machine.
 *
 * Here <body> reports the size of the window, and an element's offsetParent is its parent
 * element unless it or an ancestor is display:none (or it is fixed), as in a browser. The
 * geometry of every other element stays jsdom's zeros.
 */
if (typeof window !== "undefined" && typeof HTMLElement !== "undefined") {
  const bodyRect = HTMLBodyElement.prototype.getBoundingClientRect;
  HTMLBodyElement.prototype.getBoundingClientRect = function (this: HTMLBodyElement): DOMRect {
    const rect = bodyRect.call(this);
    return rect.width || rect.height ? rect : new DOMRect(0, 0, window.innerWidth, window.innerHeight);
  };
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      const view = this.ownerDocument.defaultView;
      if (!view || !this.isConnected || this === this.ownerDocument.body) return null;
      if (view.getComputedStyle(this).position === "fixed") return null;
      const parent = this.parentElement;
      if (view.getComputedStyle(this).display === "none") return null;
      for (let el = parent; el; el = el.parentElement) {
        if (view.getComputedStyle(el).display === "none") return null;
      }
      return parent;
    },
  });
}
