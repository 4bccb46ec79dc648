'use client';

import { useEffect, useRef } from 'react';

type Keys = { forward: () => void; back: () => void; first: () => void; last: () => void; overview: () => void };

/**
 * Present mode's keys, on the whole page: arrows, Space and Page Up/Down (what presentation clickers
 * send), Home/End, O for the overview. Keys typed into a field, or Space/Enter on a focused button or
 * link, stay theirs; arrows on a radio group move its choice.
 */
export function usePresentKeys(keys: Keys): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if ((e.key === ' ' || e.key === 'Enter') && target?.closest('button, a')) return;
      const k = current.current;
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key)) k.forward();
      else if (['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key)) k.back();
      else if (e.key === 'Home') k.first();
      else if (e.key === 'End') k.last();
      else if (e.key === 'o' || e.key === 'O') k.overview();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
