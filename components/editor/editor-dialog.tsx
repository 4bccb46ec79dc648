'use client';

import { useId, type FormEvent, type ReactNode } from 'react';
import { primaryButton, toolbarButton } from './editor-toolbar';
import { useModalDialog } from './use-modal-dialog';

type Props = {
  open: boolean;
  title: string;
  intro: string;
  /** Shown as an alert under the fields and tied to the form, e.g. the diagram refused the change. */
  error?: string | null;
  cancelLabel: string;
  submitLabel: string;
  submitDisabled: boolean;
  onSubmit: () => void;
  onClose: () => void;
  /** The labelled fields and their hints. */
  children: ReactNode;
};

/** The shell of the editor's keyboard dialogs: a native modal <dialog> with a title, an intro, the fields,
 *  an error alert and Cancel/Add. */
export function EditorDialog({ open, title, intro, error, cancelLabel, submitLabel, submitDisabled, onSubmit, onClose, children }: Props) {
  const dialogRef = useModalDialog(open);
  const titleId = useId();
  const errorId = useId();

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[32rem] max-w-[95vw] rounded-lg border border-gray-300 p-5 shadow-xl backdrop:bg-black/40"
    >
      <form
        method="dialog"
        aria-describedby={error ? errorId : undefined}
        onSubmit={(e: FormEvent) => {
          // The dialog stays open until the diagram accepts the change; the parent closes it.
          e.preventDefault();
          onSubmit();
        }}
        className="flex flex-col gap-3"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted">{intro}</p>
        {children}
        {error && (
          <p id={errorId} role="alert" className="text-sm font-semibold text-danger">
            {error}
          </p>
        )}
        <div className="mt-2 flex justify-end gap-2">
          <button type="button" className={toolbarButton} onClick={onClose}>
            {cancelLabel}
          </button>
          <button type="submit" className={primaryButton} disabled={submitDisabled}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Classes of the dialogs' selects and inputs. */
export const dialogField = 'rounded border border-gray-400 p-2';
