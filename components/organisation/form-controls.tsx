'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { TextField, textInputClass } from '@/components/form/text-field';
import type { FormState } from '@/lib/validation/organisations';

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

export const ACCESS_LEVELS = ['VIEWER', 'EDITOR', 'ADMIN'] as const;

export const buttonClass = {
  primary:
    'inline-flex items-center rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60',
  secondary:
    'inline-flex items-center rounded border border-brand px-3 py-1.5 font-medium text-brand hover:bg-blue-50 disabled:opacity-60',
  danger:
    'inline-flex items-center rounded border border-danger px-3 py-1.5 font-medium text-danger hover:bg-red-50 disabled:opacity-60',
};

export const inputClass = textInputClass;

type FieldProps = {
  id: string;
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  children?: never;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'children'>;

/** A TextField bound to a server action's state: its last input back in the field, its error (a message key) under it. */
export function ActionTextField({ name, state, ...rest }: FieldProps) {
  const t = useTranslations('organisation');
  const error = state.fieldErrors?.[name];
  return <TextField name={name} defaultValue={state.input?.[name]} error={error && t(error)} errorRole="alert" {...rest} />;
}

/** How long a confirmation stays: read out at once (role="status"), then out of the way of the next task. */
export const CONFIRMATION_MS = 8_000;

/**
 * The form-level answer: success in green (status), failure in red (alert). A confirmation goes away
 * by itself, so an old "Rollen har lagts till" does not linger beside later work; an error stays until
 * the form is sent again.
 */
export function FormMessage({ state, success }: { state: FormState; success?: ReactNode }) {
  const t = useTranslations('organisation');
  // Every answer of the action is a new object: a dismissed one stays dismissed, the next one shows.
  const [dismissed, setDismissed] = useState<FormState | null>(null);
  useEffect(() => {
    if (state.status !== 'ok') return;
    const timer = setTimeout(() => setDismissed(state), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [state]);
  if (dismissed === state) return null;
  if (state.status === 'error' && state.message) {
    return (
      <p role="alert" className="mt-2 text-sm text-danger">
        {t(state.message)}
      </p>
    );
  }
  if (state.status === 'ok' && (success || state.message)) {
    return (
      <p role="status" className="mt-2 text-sm text-ok">
        {success ?? t(state.message!, state.values ?? {})}
      </p>
    );
  }
  return null;
}
