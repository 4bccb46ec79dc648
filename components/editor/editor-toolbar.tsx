'use client';

import type { KeyboardEvent, ReactNode } from 'react';

/**
 * A toolbar (WAI-ARIA toolbar pattern): its buttons are reachable with Tab and, inside it, with the
 * arrow keys, Home and End.
 */
export function EditorToolbar({ label, children }: { label: string; children: ReactNode }) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const next =
      e.key === 'Home' ? 0
      : e.key === 'End' ? buttons.length - 1
      : (index + (e.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
    e.preventDefault();
  }

  return (
    <div role="toolbar" aria-label={label} onKeyDown={onKeyDown} className="flex flex-wrap items-center gap-2">
      {children}
    </div>
  );
}

export const toolbarButton =
  'rounded border border-gray-400 bg-white px-3 py-1.5 text-sm text-ink hover:bg-gray-100 disabled:opacity-60';
export const primaryButton =
  'rounded border border-brand bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
