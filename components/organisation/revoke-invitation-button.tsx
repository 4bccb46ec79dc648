'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { IDLE } from '@/lib/validation/organisations';
import { buttonClass, FormMessage, type FormAction } from './form-controls';

type Props = { organisationId: string; invitationId: string; email: string; action: FormAction };

export function RevokeInvitationButton({ organisationId, invitationId, email, action }: Props) {
  const t = useTranslations('organisation.members');
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className={buttonClass.danger} disabled={pending} aria-label={t('revokeLabel', { email })}>
        {t('revoke')}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
