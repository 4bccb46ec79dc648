'use client';

import { useId, type KeyboardEvent, type ReactNode } from 'react';

/**
 * A toolbar (WAI-ARIA toolbar pattern): its buttons are reachable with Tab and, inside it, with the
 * arrow keys, Home and End.
 */
export function EditorToolbar({ label, children }: { label: string; children: ReactNode }) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    // Buttons folded away on a small screen (ToolbarOverflow) have no box and are skipped.
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not([disabled])')].filter(
      (b) => b.getClientRects().length > 0,
    );
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
    <div role="toolbar" aria-label={label} onKeyDown={onKeyDown} className="flex flex-wrap items-center gap-1.5">
      {children}
    </div>
  );
}

/**
 * The toolbar's less frequent actions: in line from the `sm` breakpoint up, behind one "More actions"
 * button on a phone, so the canvas keeps most of a small screen.
 */
export function ToolbarOverflow({
  label,
  open,
  onToggle,
  children,
}: {
  label: string;
  open: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <>
      <button type="button" className={`${toolbarButton} sm:hidden`} aria-expanded={open} aria-controls={id} onClick={onToggle}>
        {label}
      </button>
      <div id={id} className={`${open ? 'flex' : 'hidden'} w-full flex-wrap items-center gap-1.5 sm:contents`}>
        {children}
      </div>
    </>
  );
}

export const toolbarButton =
  'rounded border border-gray-400 bg-white px-2.5 py-1 text-sm text-ink hover:bg-gray-100 disabled:opacity-60';
export const primaryButton =
  'rounded border border-brand bg-brand px-2.5 py-1 text-sm font-semibold text-white hover:bg-brand-dark disabled:opacity-60';
