'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { IDLE } from '@/lib/validation/organisations';
import { buttonClass, FormMessage, ActionTextField, type FormAction } from './form-controls';

type Props = { token: string; organisationName: string; action: FormAction };

/** For a signed-in user with the invited email: one button. */
export function AcceptInvitationForm({ token, organisationName, action }: Props) {
  const t = useTranslations('organisation.invitation');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, IDLE);
  useEffect(() => {
    if (state.status === 'ok' && state.organisationId) router.push(`/organisations/${state.organisationId}`);
  }, [state, router]);
  return (
    <form action={formAction} className="mt-6">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={buttonClass.primary} disabled={pending || state.status === 'ok'}>
        {t('accept', { organisation: organisationName })}
      </button>
      <FormMessage state={state} success={t('accepted', { organisation: organisationName })} />
    </form>
  );
}

/** For a new person: name and password; the account is created, then the browser signs in with it. */
export function CreateAccountForm({ token, email, action }: { token: string; email: string; action: FormAction }) {
  const t = useTranslations('organisation.invitation');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const password = useRef('');
  const signedIn = useRef(false);
  useEffect(() => {
    if (state.status !== 'ok' || !state.organisationId || signedIn.current) return;
    signedIn.current = true;
    const callbackUrl = `/organisations/${state.organisationId}`;
    // The password never comes back from the server: it was kept from the submit (React resets the form).
    void signIn('credentials', { email, password: password.current, redirect: false, callbackUrl }).then((result) => {
      router.push(result?.ok ? callbackUrl : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    });
  }, [state, email, router]);
  return (
    <section aria-labelledby="create-account-heading" className="mt-8 max-w-md">
      <h2 id="create-account-heading" className="text-xl font-semibold">
        {t('createAccountHeading')}
      </h2>
      <p className="text-muted">{t('createAccountIntro')}</p>
      <form
        action={formAction}
        onSubmit={(e) => {
          const field = e.currentTarget.elements.namedItem('password');
          password.current = field instanceof HTMLInputElement ? field.value : '';
        }}
        className="mt-4 grid gap-4"
      >
        <input type="hidden" name="token" value={token} />
        <div>
          <label htmlFor="invitee-email" className="block font-medium">
            {t('emailLabel')}
          </label>
          <input id="invitee-email" type="email" value={email} readOnly autoComplete="username" className="mt-1 block w-full rounded border border-gray-300 bg-gray-100 px-3 py-2" />
        </div>
        <ActionTextField id="invitee-name" name="name" label={t('nameLabel')} state={state} autoComplete="name" required maxLength={100} />
        <ActionTextField
          id="invitee-password"
          name="password"
          type="password"
          label={t('passwordLabel')}
          hint={t('passwordHint')}
          state={{ ...state, input: undefined }}
          autoComplete="new-password"
          required
        />
        <div>
          <button type="submit" className={buttonClass.primary} disabled={pending || state.status === 'ok'}>
            {t('createAccount')}
          </button>
        </div>
      </form>
      <FormMessage state={state} success={t('signingIn')} />
    </section>
  );
}
