'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode } from 'react';
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

/** The form-level answer: success in green (status), failure in red (alert). */
export function FormMessage({ state, success }: { state: FormState; success?: ReactNode }) {
  const t = useTranslations('organisation');
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
