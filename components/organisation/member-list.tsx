import { getFormatter, getTranslations } from 'next-intl/server';
import type { PendingInvitation } from '@/lib/db/invitations';
import type { MemberSummary } from '@/lib/db/memberships';
import type { Page } from '@/lib/db/pagination';
import { ListSearch } from '@/components/list/list-search';
import { Pagination } from '@/components/list/pagination';
import { DataTable } from '@/components/table/data-table';
import { PageSection } from '@/components/page-section';
import type { FormAction } from './form-controls';
import { InviteMemberForm } from './invite-member-form';
import { MemberActions } from './member-actions';
import { RevokeInvitationButton } from './revoke-invitation-button';

type Props = {
  organisation: { id: string; name: string };
  currentUserId: string;
  result: Page<MemberSummary>;
  /** The search text, and the URL of another page or of the list without search (other lists' params kept). */
  list: { q: string; keep: Record<string, string | undefined>; href: (page: number) => string; clearHref: string };
  invitations: PendingInvitation[];
  /** Present only when policy allows managing members. */
  manage?: { invite: FormAction; changeAccess: FormAction; remove: FormAction; revoke: FormAction; setApprover: FormAction };
};

/** Shown to those allowed organisation.viewMembers (admins). */
export async function MemberList({ organisation, currentUserId, result, list, invitations, manage }: Props) {
  const t = await getTranslations('organisation');
  const l = await getTranslations('common.list');
  const members = result.items;
  const format = await getFormatter();
  return (
    <PageSection headingId="members-heading" heading={t('members.heading')}>
      <p className="mt-1 max-w-3xl text-muted">{t('members.approverHint')}</p>
      <ListSearch label={t('members.search')} name="mq" value={list.q} keep={list.keep} clearHref={list.clearHref} />
      {members.length === 0 && <p className="mt-3">{l('noMatches')}</p>}
      <DataTable
        caption={t('members.caption', { organisation: organisation.name })}
        columns={[t('members.name'), t('members.email'), t('members.access'), t('members.approver'), manage && t('members.actions')]}
      >
        {members.map((m) => (
          <tr key={m.userId} className="border-b border-gray-200 align-top">
            <th scope="row" className="py-2 pr-4 font-medium">
              {m.name} {m.userId === currentUserId && <span className="font-normal text-muted">{t('members.you')}</span>}
            </th>
            <td className="py-2 pr-4">{m.email}</td>
            <td className="py-2 pr-4">{t(`access.${m.access}`)}</td>
            <td className="py-2 pr-4">{t(m.access === 'ADMIN' ? 'members.approverAdmin' : m.approver ? 'members.approverNamed' : 'members.approverNo')}</td>
            {manage && (
              <td className="py-2">
                <MemberActions
                  organisationId={organisation.id}
                  userId={m.userId}
                  name={m.name}
                  access={m.access}
                  approver={m.approver}
                  changeAccess={manage.changeAccess}
                  setApprover={manage.setApprover}
                  remove={manage.remove}
                />
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pagination label={t('members.pages')} page={result.page} pageCount={result.pageCount} total={result.total} href={list.href} />
      {manage && <InviteMemberForm organisationId={organisation.id} action={manage.invite} />}
      <h3 className="mt-8 text-lg font-semibold">{t('members.pendingHeading')}</h3>
      {invitations.length === 0 ? (
        <p>{t('members.noPending')}</p>
      ) : (
        <DataTable
          caption={t('members.pendingCaption')}
          columns={[t('members.email'), t('members.access'), t('members.invitedBy'), t('members.expires'), manage && t('members.actions')]}
          className="mt-2"
        >
          {invitations.map((inv) => (
            <tr key={inv.id} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 font-medium">{inv.email}</th>
              <td className="py-2 pr-4">{t(`access.${inv.access}`)}</td>
              <td className="py-2 pr-4">{inv.invitedBy}</td>
              <td className="py-2 pr-4">{format.dateTime(inv.expiresAt, { dateStyle: 'medium' })}</td>
              {manage && (
                <td className="py-2">
                  <RevokeInvitationButton organisationId={organisation.id} invitationId={inv.id} email={inv.email} action={manage.revoke} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </PageSection>
  );
}
