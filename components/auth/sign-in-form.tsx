'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { TextField } from '@/components/form/text-field';
import { adoptAccountLanguage } from '@/app/signin/actions';
import { signInErrorMessage, type SignInErrorMessage } from './sign-in-error';

type Props = {
  callbackUrl: string;
  initialError: string | null;
  /** Display name of the single sign-on provider, when it is switched on. */
  oidcName: string | null;
  oidcProviderId: string;
};

const inputClass =
  'mt-1 block w-full rounded-md border border-gray-400 px-3 py-2 text-base text-ink shadow-sm focus:border-brand aria-[invalid=true]:border-danger';

export function SignInForm({ callbackUrl, initialError, oidcName, oidcProviderId }: Props) {
  const t = useTranslations('auth');
  const [error, setError] = useState<SignInErrorMessage | null>(signInErrorMessage(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError({ key: 'missingFields' });
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      // The account's language for a browser that has not chosen one; sign-in goes on without it.
      await adoptAccountLanguage().catch(() => undefined);
      // A full load, so the header and every server component see the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(signInErrorMessage(result?.error ?? 'SignInUnavailable'));
  }

  const message = error ? (error.key === 'locked' ? t('errors.locked', { minutes: error.minutes }) : t(`errors.${error.key}`)) : null;
  const invalid = error?.key === 'credentials' || error?.key === 'missingFields';
  // Both fields are described by the one banner above the form, not by errors of their own.
  const fieldProps = {
    required: true,
    className: inputClass,
    'aria-invalid': invalid || undefined,
    'aria-describedby': message ? 'signin-error' : undefined,
  };

  return (
    <div className="space-y-6">
      <div id="signin-error" role="alert" className={message ? 'rounded-md border border-danger bg-red-50 px-4 py-3 text-sm text-danger' : ''}>
        {message}
      </div>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
        <TextField id="email" name="email" type="email" autoComplete="username" label={t('email')} {...fieldProps} />
        <TextField id="password" name="password" type="password" autoComplete="current-password" label={t('password')} {...fieldProps} />
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-brand px-4 py-2.5 text-base font-semibold text-white hover:bg-brand-dark disabled:opacity-70"
        >
          {pending ? t('submitting') : t('submit')}
        </button>
      </form>
      {oidcName ? (
        <>
          <p className="flex items-center gap-3 text-sm text-muted before:h-px before:flex-1 before:bg-gray-300 after:h-px after:flex-1 after:bg-gray-300">
            {t('or')}
          </p>
          <button
            type="button"
            onClick={() => signIn(oidcProviderId, { callbackUrl })}
            className="w-full rounded-md border border-brand bg-white px-4 py-2.5 text-base font-semibold text-brand hover:bg-blue-50"
          >
            {t('signInWith', { provider: oidcName })}
          </button>
        </>
      ) : null}
    </div>
  );
}
