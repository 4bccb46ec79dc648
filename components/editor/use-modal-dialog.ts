'use client';

import { useEffect, useRef } from 'react';

/**
 * Opens and closes a native <dialog> as a modal with `open`: the browser traps focus and Escape fires
 * `close`. Focus goes back to whatever opened it (the toolbar button), explicitly, because not every
 * browser restores it when React re-renders the opener meanwhile.
 */
export function useModalDialog(open: boolean) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    if (!open && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  return dialogRef;
}
