'use client';

import { useEffect, useRef } from 'react';

/**
 * Asks before leaving with unsaved work: `beforeunload` for reloads, closing and typed addresses, and a
 * click guard for in-app links (Next's client navigation never fires `beforeunload`).
 */
export function useLeaveGuard(hasUnsaved: () => boolean, question: string): void {
  const latest = useRef({ hasUnsaved, question });
  latest.current = { hasUnsaved, question };

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!latest.current.hasUnsaved()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      if (link.origin !== window.location.origin || !latest.current.hasUnsaved()) return;
      if (!window.confirm(latest.current.question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
