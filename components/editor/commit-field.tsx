'use client';

import { useId, useState } from 'react';

type Props = {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  readOnly: boolean;
  multiline?: boolean;
};

/**
 * A text field that changes the diagram once per edit, not per keystroke: on leaving the field or on
 * Enter (single line). Typing stays local, so the undo history holds whole edits.
 */
export function CommitField({ label, value, onCommit, readOnly, multiline }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The model changed underneath (undo, another field, another person): show it.
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft.trim() !== value.trim()) onCommit(draft);
  };
  const common = {
    id,
    value: draft,
    readOnly,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    className: 'w-full rounded border border-gray-500 px-2 py-1 text-sm read-only:bg-gray-100',
  };
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
    </div>
  );
}
