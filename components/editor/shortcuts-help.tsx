'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { toolbarButton } from './editor-toolbar';

// bpmn-js's own bindings (bpmn-js/lib/features/keyboard/BpmnKeyboardBindings.js) plus our save.
const SHORTCUTS = [
  ['Ctrl/⌘ + S', 'save'],
  ['Ctrl/⌘ + Z', 'undo'],
  ['Ctrl/⌘ + Y, Ctrl/⌘ + Shift + Z', 'redo'],
  ['Delete, Backspace', 'delete'],
  ['E', 'edit'],
  ['H', 'hand'],
  ['L', 'lasso'],
  ['S', 'space'],
  ['C', 'connect'],
  ['Ctrl/⌘ + F', 'find'],
  ['Ctrl/⌘ + +, Ctrl/⌘ + −', 'zoom'],
] as const;

/** A disclosure listing the keyboard shortcuts; the canvas has keyboard focus for most of them. */
export function ShortcutsHelp() {
  const t = useTranslations('editor.shortcuts');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="relative" onKeyDown={(e) => e.key === 'Escape' && open && setOpen(false)}>
      <button
        type="button"
        className={toolbarButton}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {t('button')}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute left-0 top-full z-20 mt-1 w-[30rem] max-w-[90vw] rounded border border-gray-300 bg-white p-3 shadow-lg"
      >
        <h2 className="mb-2 text-sm font-semibold">{t('title')}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {SHORTCUTS.map(([keys, name]) => (
            <div key={name} className="contents">
              <dt>
                <kbd className="rounded border border-gray-300 bg-gray-50 px-1 font-mono text-xs">{keys}</kbd>
              </dt>
              <dd>{t(name)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className={`${toolbarButton} mt-2`} onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
