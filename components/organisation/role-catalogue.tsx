import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { RoleSummary } from '@/lib/db/roles';
import { PageSection } from '@/components/page-section';
import type { FormAction } from './form-controls';
import { CreateRoleForm, RoleActions } from './role-forms';

type Props = {
  organisation: { id: string; name: string };
  roles: RoleSummary[];
  /** Present only when policy allows managing roles. */
  manage?: { create: FormAction; update: FormAction; setArchived: FormAction };
};

export async function RoleCatalogue({ organisation, roles, manage }: Props) {
  const t = await getTranslations('organisation.roles');
  return (
    <PageSection headingId="roles-heading" heading={t('heading')}>
      <p className="text-muted">{t('intro')}</p>
      {roles.length === 0 ? (
        <p className="mt-3">{t('empty')}</p>
      ) : (
        <DataTable
          caption={t('caption', { organisation: organisation.name })}
          columns={[t('name'), t('description'), t('status'), manage && t('actions')]}
        >
          {roles.map((role) => (
            <tr key={role.id} className={`border-b border-gray-200 align-top ${role.archived ? 'text-muted' : ''}`}>
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/roles/${role.id}`} className="text-brand underline">{role.name}</Link>
              </th>
              <td className="py-2 pr-4">{role.description}</td>
              <td className="py-2 pr-4">{role.archived ? t('archived') : t('active')}</td>
              {manage && (
                <td className="py-2">
                  <RoleActions organisationId={organisation.id} role={role} update={manage.update} setArchived={manage.setArchived} />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {manage && <CreateRoleForm organisationId={organisation.id} action={manage.create} />}
    </PageSection>
  );
}
