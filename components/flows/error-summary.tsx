'use client';

import { useEffect, useRef } from 'react';

type Props = { title: string; errors: { field: string; message: string }[]; formError?: string };

/**
 * The list of a form's errors above it, announced and focused after a failed submit so keyboard and
 * screen-reader users learn what went wrong; each item links to its field (ids are `f-<field>`).
 */
export function ErrorSummary({ title, errors, formError }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors, formError]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="mb-6 rounded border-2 border-danger bg-red-50 p-4 text-ink">
      <p className="font-semibold">{title}</p>
      <ul className="mt-2 list-disc pl-6">
        {formError ? <li>{formError}</li> : null}
        {errors.map((e) => (
          <li key={e.field}>
            <a className="text-danger underline" href={`#f-${e.field}`}>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message beside a field; its id is what the field's aria-describedby points at. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-medium text-danger">
      {message}
    </p>
  );
}
