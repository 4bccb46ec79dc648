'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { IDLE } from '@/lib/validation/organisations';
import { buttonClass, FormMessage, ActionTextField, type FormAction } from './form-controls';

/** Adds a role to the catalogue; a taken name is answered beside the name field. */
export function CreateRoleForm({ organisationId, action }: { organisationId: string; action: FormAction }) {
  const t = useTranslations('organisation.roles');
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <section aria-labelledby="add-role-heading" className="mt-6 rounded border border-gray-300 p-4">
      <h3 id="add-role-heading" className="text-lg font-semibold">
        {t('addHeading')}
      </h3>
      <form action={formAction} className="mt-3 grid gap-4 sm:grid-cols-[1fr_2fr_auto] sm:items-start">
        <input type="hidden" name="organisationId" value={organisationId} />
        <ActionTextField id="new-role-name" name="name" label={t('nameLabel')} state={state} required maxLength={100} />
        <ActionTextField id="new-role-description" name="description" label={t('descriptionLabel')} state={state} maxLength={1000} />
        <button type="submit" className={`${buttonClass.primary} sm:mt-7`} disabled={pending}>
          {t('add')}
        </button>
      </form>
      <FormMessage state={state} />
    </section>
  );
}

type RoleRowProps = {
  organisationId: string;
  role: { id: string; name: string; description: string; archived: boolean };
  update: FormAction;
  setArchived: FormAction;
};

/** Edit (name, description) and archive/restore for one role. Roles are never deleted. */
export function RoleActions({ organisationId, role, update, setArchived }: RoleRowProps) {
  const t = useTranslations('organisation.roles');
  const [editState, editAction, saving] = useActionState(update, IDLE);
  const [archiveState, archiveAction, archiving] = useActionState(setArchived, IDLE);
  const prefix = `role-${role.id}`;
  const state = editState.status === 'error' ? editState : { ...editState, input: undefined };
  return (
    <div className="flex flex-wrap items-start gap-2">
      {/* Keyed by the saved values, so a successful save closes the editor; an error keeps it open. */}
      <details key={`${role.name}\n${role.description}`} open={editState.status === 'error' || undefined}>
        <summary className={`${buttonClass.secondary} cursor-pointer list-none`} aria-label={t('editLabel', { name: role.name })}>
          {t('edit')}
        </summary>
        <form action={editAction} className="mt-2 grid w-72 gap-3 rounded border border-gray-300 bg-white p-3">
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="roleId" value={role.id} />
          <ActionTextField id={`${prefix}-name`} name="name" label={t('nameLabel')} state={state} defaultValue={state.input?.name ?? role.name} required maxLength={100} />
          <ActionTextField
            id={`${prefix}-description`}
            name="description"
            label={t('descriptionLabel')}
            state={state}
            defaultValue={state.input?.description ?? role.description}
            maxLength={1000}
          />
          <button type="submit" className={buttonClass.primary} disabled={saving}>
            {t('save')}
          </button>
          {editState.status === 'error' && <FormMessage state={editState} />}
        </form>
      </details>
      {editState.status === 'ok' && <FormMessage state={editState} />}
      <form action={archiveAction}>
        <input type="hidden" name="organisationId" value={organisationId} />
        <input type="hidden" name="roleId" value={role.id} />
        <input type="hidden" name="archived" value={role.archived ? 'false' : 'true'} />
        <button
          type="submit"
          className={role.archived ? buttonClass.secondary : buttonClass.danger}
          disabled={archiving}
          aria-label={t(role.archived ? 'restoreLabel' : 'archiveLabel', { name: role.name })}
        >
          {t(role.archived ? 'restore' : 'archive')}
        </button>
      </form>
      <FormMessage state={archiveState} />
    </div>
  );
}
