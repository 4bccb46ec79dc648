import type { InputHTMLAttributes, ReactNode } from 'react';

export const textInputClass = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2 aria-[invalid=true]:border-danger';

type Props = {
  id: string;
  label: ReactNode;
  /** Read with the field (`<id>-hint`), shown between the label and the input. */
  hint?: ReactNode;
  /** Shown under the input (`<id>-error`) and read with it; marks the input invalid. */
  error?: ReactNode;
  /** 'alert' where nothing else on the form announces the error (no error summary or alert region). */
  errorRole?: 'alert';
  children?: never;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'>;

/**
 * A labelled input with its hint and error tied to it by aria-describedby. `className` styles the
 * input; aria-* props given by the caller win, for forms whose error is shown elsewhere.
 */
export function TextField({ id, label, hint, error, errorRole, className = textInputClass, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={className} {...input} />
      {error ? (
        <p id={`${id}-error`} role={errorRole} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
