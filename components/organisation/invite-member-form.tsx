'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { IDLE } from '@/lib/validation/organisations';
import { CopyLink } from './copy-link';
import { ACCESS_LEVELS, buttonClass, FormMessage, inputClass, ActionTextField, type FormAction } from './form-controls';

/** Admins add a person by email: creates an invitation and shows its link (emailed too when SMTP is set). */
export function InviteMemberForm({ organisationId, action }: { organisationId: string; action: FormAction }) {
  const t = useTranslations('organisation');
  const [state, formAction, pending] = useActionState(action, IDLE);
  const accessError = state.fieldErrors?.access;
  return (
    <section aria-labelledby="invite-heading" className="mt-8 rounded border border-gray-300 p-4">
      <h3 id="invite-heading" className="text-lg font-semibold">
        {t('members.inviteHeading')}
      </h3>
      <p className="text-muted">{t('members.inviteIntro')}</p>
      <form action={formAction} className="mt-3 grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <input type="hidden" name="organisationId" value={organisationId} />
        <ActionTextField id="invite-email" name="email" type="email" autoComplete="off" label={t('members.emailLabel')} state={state} required />
        <div>
          <label htmlFor="invite-access" className="block font-medium">
            {t('members.accessLabel')}
          </label>
          <select
            id="invite-access"
            name="access"
            defaultValue={state.input?.access ?? 'VIEWER'}
            className={inputClass}
            aria-invalid={accessError ? true : undefined}
            aria-describedby={accessError ? 'invite-access-error' : undefined}
          >
            {ACCESS_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`access.${level}`)}
              </option>
            ))}
          </select>
          {accessError && (
            <p id="invite-access-error" role="alert" className="mt-1 text-sm text-danger">
              {t(accessError)}
            </p>
          )}
        </div>
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {t('members.invite')}
        </button>
      </form>
      <FormMessage
        state={state}
        success={
          state.status === 'ok' ? (
            <>
              {t('members.invited', { email: state.values?.email ?? '' })}{' '}
              {state.emailed ? t('members.emailSent') : t('members.emailNotSent')}
            </>
          ) : undefined
        }
      />
      {state.status === 'ok' && state.link && <CopyLink link={state.link} />}
    </section>
  );
}
