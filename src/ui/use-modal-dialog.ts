import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { makeModal } from './modal';

/** A2: `makeModal` for a `<dialog>` while the component is mounted; `onClose` may change between renders. */
export function useModalDialog(ref: RefObject<HTMLDialogElement>, onClose: () => void): void {
  const latestOnClose = useRef(onClose);
  latestOnClose.current = onClose;
  useLayoutEffect(
    () => (ref.current ? makeModal(ref.current, () => latestOnClose.current()) : undefined),
    [ref],
  );
}
