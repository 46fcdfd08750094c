const focusableSelector =
  'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';

function focusables(dialog: HTMLElement): HTMLElement[] {
  return Array.from(dialog.querySelectorAll<HTMLElement>(focusableSelector));
}

function activeIn(node: Node): Element | null {
  return (node.getRootNode() as Document | ShadowRoot).activeElement ?? null;
}

/**
 * A2: makes a `<dialog>` a real modal until the returned function is called. `showModal()` gives the
 * top layer, an inert background and the `dialog`/`aria-modal` semantics; on top of that, as
 * a11y-dialog does, focus moves in, Tab and Shift+Tab wrap inside (the native dialog lets focus escape
 * to the browser UI), and Escape calls `onClose`, which records nothing (U3). Where `showModal` is
 * missing the element is only opened; `aria-modal` and the Tab wrap still hold. Plain DOM, no hooks:
 * the banner's file carries no Preact hooks (they come with the dialog's file).
 */
export function makeModal(dialog: HTMLDialogElement, onClose: () => void): () => void {
  if (!dialog.open) {
    try {
      dialog.showModal();
    } catch {
      dialog.setAttribute('open', '');
    }
  }
  if (!dialog.contains(activeIn(dialog))) focusables(dialog)[0]?.focus();

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab') {
      const items = focusables(dialog);
      const first = items[0];
      const last = items[items.length - 1];
      const active = activeIn(dialog);
      if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };
  // The browser's own close request (e.g. Android back) arrives as `cancel`: treat it as Escape.
  const onCancel = (event: Event): void => {
    event.preventDefault();
    onClose();
  };
  dialog.addEventListener('keydown', onKeyDown);
  dialog.addEventListener('cancel', onCancel);
  return () => {
    dialog.removeEventListener('keydown', onKeyDown);
    dialog.removeEventListener('cancel', onCancel);
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
  };
}
