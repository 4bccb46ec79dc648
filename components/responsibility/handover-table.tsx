import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import { OrganisationBadge } from '@/components/organisation/organisation-badge';
import type { Handover, HandoverEnd } from '@/lib/domain/responsibility/raci';
import type { RoleName } from './role-names';

type Props = {
  flowName: string;
  handovers: Handover[];
  roleName: (roleId: string | undefined) => RoleName | undefined;
  elementName: (elementId: string | undefined) => string | undefined;
  organisations: { id: string; name: string; colour: string }[];
};

export async function HandoverTable({ flowName, handovers, roleName, elementName, organisations }: Props) {
  const t = await getTranslations('responsibility.handovers');
  const between = handovers.filter((h) => h.from.organisationId && h.to.organisationId && h.from.organisationId !== h.to.organisationId).length;
  const org = (id: string | undefined) => organisations.find((o) => o.id === id);
  const end = (e: HandoverEnd) => {
    const o = org(e.organisationId);
    return (
      <div className="space-y-0.5">
        {o ? <OrganisationBadge name={o.name} colour={o.colour} /> : null}
        <div>{roleName(e.roleId)?.name ?? '—'}</div>
        <div className="text-muted">{e.elementId ? (elementName(e.elementId) ?? e.elementId) : t('pool')}</div>
      </div>
    );
  };
  const missing = <span className="font-medium text-danger">{t('missing')}</span>;
  return (
    <>
      <p className="mt-2">{t('count', { count: between })}</p>
      {handovers.length === 0 ? (
        <p className="mt-2">{t('empty')}</p>
      ) : (
        <DataTable caption={t('caption', { name: flowName })} columns={[t('what'), t('from'), t('to'), t('timeLimit'), t('legalBasis'), t('channel')]}>
          {handovers.map((h) => (
            <tr key={h.elementId} className="border-b border-gray-200 align-top">
              <th scope="row" className="py-2 pr-4 text-left font-medium">
                {h.details.what ?? h.name ?? missing}
              </th>
              <td className="py-2 pr-4">{end(h.from)}</td>
              <td className="py-2 pr-4">{end(h.to)}</td>
              <td className="py-2 pr-4">{h.details.timeLimit ?? missing}</td>
              <td className="py-2 pr-4">{h.details.legalBasis ?? '—'}</td>
              <td className="py-2">{h.details.channel ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
