import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { RoleSummary } from '@/lib/db/roles';
import type { Page } from '@/lib/db/pagination';
import { ListSearch } from '@/components/list/list-search';
import { Pagination } from '@/components/list/pagination';
import { PageSection } from '@/components/page-section';
import type { FormAction } from './form-controls';
import { CreateRoleForm, RoleActions } from './role-forms';

type Props = {
  organisation: { id: string; name: string };
  result: Page<RoleSummary>;
  /** The search text, and the URL of another page or of the list without search (other lists' params kept). */
  list: { q: string; keep: Record<string, string | undefined>; href: (page: number) => string; clearHref: string };
  /** Present only when policy allows managing roles. */
  manage?: { create: FormAction; update: FormAction; setArchived: FormAction };
};

export async function RoleCatalogue({ organisation, result, list, manage }: Props) {
  const t = await getTranslations('organisation.roles');
  const l = await getTranslations('common.list');
  const roles = result.items;
  return (
    <PageSection headingId="roles-heading" heading={t('heading')}>
      <p className="text-muted">{t('intro')}</p>
      {(result.total > 0 || list.q) && (
        <ListSearch label={t('search')} name="rq" value={list.q} keep={list.keep} clearHref={list.clearHref} />
      )}
      {roles.length === 0 ? (
        <p className="mt-3">{list.q ? l('noMatches') : t('empty')}</p>
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
      {roles.length > 0 && <Pagination label={t('pages')} page={result.page} pageCount={result.pageCount} total={result.total} href={list.href} />}
      {manage && <CreateRoleForm organisationId={organisation.id} action={manage.create} />}
    </PageSection>
  );
}
