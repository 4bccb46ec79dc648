'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { TextField } from '@/components/form/text-field';
import type { CreateTokenState } from '@/app/profile/actions';

type Props = { action: (prev: CreateTokenState, formData: FormData) => Promise<CreateTokenState> };

export function CreateTokenForm({ action }: Props) {
  const t = useTranslations('profile.tokens');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as CreateTokenState);
  const error = state.status === 'error' ? state.message : null;
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <TextField
            id="token-name"
            name="name"
            label={t('name')}
            hint={t('nameHint')}
            required
            maxLength={80}
            // The error is announced in the alert region below the form, which stays mounted.
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'token-name-error token-name-hint' : 'token-name-hint'}
            className="mt-1 block w-full rounded-md border border-gray-400 px-3 py-2"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
          {pending ? t('creating') : t('create')}
        </button>
      </form>
      <div role="alert">
        {error ? (
          <p id="token-name-error" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
      {state.status === 'created' ? <NewToken key={state.token} name={state.name} token={state.token} /> : null}
    </div>
  );
}

/** The one and only time the token is visible: a read-only field to select, and a copy button. */
function NewToken({ name, token }: { name: string; token: string }) {
  const t = useTranslations('profile.tokens');
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // No clipboard permission: the text is selected, so Ctrl+C still works.
    }
  }
  return (
    <section aria-labelledby="new-token-heading" className="rounded-lg border border-ok bg-green-50 p-4">
      <h3 id="new-token-heading" className="font-semibold text-ok">
        {t('createdHeading', { name })}
      </h3>
      <p id="new-token-hint" className="mt-1 text-sm">
        {t('createdHint')}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="new-token" className="sr-only">
          {t('tokenLabel')}
        </label>
        <input
          ref={input}
          id="new-token"
          readOnly
          value={token}
          aria-describedby="new-token-hint"
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-gray-400 bg-white px-3 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded-md border border-brand bg-white px-3 py-2 text-sm font-semibold text-brand hover:bg-blue-50">
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
    </section>
  );
}
