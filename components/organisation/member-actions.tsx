'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { Access } from '@/lib/auth/policy';
import { IDLE } from '@/lib/validation/organisations';
import { ACCESS_LEVELS, buttonClass, FormMessage, type FormAction } from './form-controls';

type Props = {
  organisationId: string;
  userId: string;
  name: string;
  access: Access;
  approver: boolean;
  changeAccess: FormAction;
  remove: FormAction;
  setApprover: FormAction;
};

/**
 * Per member row: change access, name approver (admins approve anyway, so only others are offered it),
 * remove. The server refuses to leave the organisation without an admin.
 */
export function MemberActions({ organisationId, userId, name, access, approver, changeAccess, remove, setApprover }: Props) {
  const t = useTranslations('organisation');
  const [accessState, accessAction, savingAccess] = useActionState(changeAccess, IDLE);
  const [removeState, removeAction, removing] = useActionState(remove, IDLE);
  const [approverState, approverAction, savingApprover] = useActionState(setApprover, IDLE);
  const selectId = `access-${userId}`;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <form action={accessAction} className="flex items-center gap-2">
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={selectId} className="sr-only">
            {t('members.accessFor', { name })}
          </label>
          <select id={selectId} name="access" defaultValue={access} key={access} className="rounded border border-gray-500 px-2 py-1.5">
            {ACCESS_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`access.${level}`)}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass.secondary} disabled={savingAccess} aria-label={`${t('members.saveAccess')}: ${name}`}>
            {t('members.saveAccess')}
          </button>
        </form>
        {access !== 'ADMIN' && (
          <form action={approverAction}>
            <input type="hidden" name="organisationId" value={organisationId} />
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="approver" value={approver ? 'false' : 'true'} />
            <button
              type="submit"
              className={buttonClass.secondary}
              disabled={savingApprover}
              aria-label={t(approver ? 'members.withdrawApproverLabel' : 'members.nameApproverLabel', { name })}
            >
              {t(approver ? 'members.withdrawApprover' : 'members.nameApprover')}
            </button>
          </form>
        )}
        <form
          action={removeAction}
          onSubmit={(e) => {
            if (!window.confirm(t('members.confirmRemove', { name }))) e.preventDefault();
          }}
        >
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" className={buttonClass.danger} disabled={removing} aria-label={t('members.removeLabel', { name })}>
            {t('members.remove')}
          </button>
        </form>
      </div>
      <FormMessage state={accessState} />
      <FormMessage state={approverState} />
      <FormMessage state={removeState} />
    </div>
  );
}
