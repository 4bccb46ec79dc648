'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { TextField } from '@/components/form/text-field';
import type { ProfileFormState } from '@/app/profile/actions';
import { LOCALES } from '@/lib/i18n/config';

type Props = {
  name: string;
  email: string;
  locale: string;
  action: (prev: ProfileFormState, formData: FormData) => Promise<ProfileFormState>;
};

export function ProfileForm({ name, email, locale, action }: Props) {
  const t = useTranslations('profile');
  const tc = useTranslations('common');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ProfileFormState);
  const nameError = state.status === 'error' && state.field === 'name' ? state.message : null;
  const localeError = state.status === 'error' && state.field === 'locale' ? state.message : null;
  return (
    <form action={formAction} className="space-y-5">
      <TextField
        id="profile-name"
        name="name"
        label={t('name')}
        error={nameError}
        defaultValue={name}
        required
        maxLength={120}
        autoComplete="name"
        className="mt-1 block w-full max-w-md rounded-md border border-gray-400 px-3 py-2"
      />
      <TextField
        id="profile-email"
        label={t('email')}
        hint={t('emailHint')}
        value={email}
        readOnly
        className="mt-1 block w-full max-w-md rounded-md border border-gray-300 bg-gray-100 px-3 py-2 text-muted"
      />
      <div>
        <label htmlFor="profile-locale" className="block font-medium">
          {t('language')}
        </label>
        <select
          id="profile-locale"
          name="locale"
          defaultValue={locale}
          aria-invalid={localeError ? true : undefined}
          aria-describedby={localeError ? 'profile-locale-error profile-locale-hint' : 'profile-locale-hint'}
          className="mt-1 block rounded-md border border-gray-400 bg-white px-3 py-2"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {tc(`languageName.${l}`)}
            </option>
          ))}
        </select>
        <p id="profile-locale-hint" className="mt-1 text-sm text-muted">
          {t('languageHint')}
        </p>
        {localeError ? (
          <p id="profile-locale-error" className="mt-1 text-sm text-danger">
            {localeError}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
          {t('save')}
        </button>
        <p role="status" className="text-sm text-ok">
          {state.status === 'saved' ? state.message : ''}
        </p>
      </div>
    </form>
  );
}
