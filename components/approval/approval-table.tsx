import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { ApprovalView } from '@/lib/db/flows/approvals';

/** One approval: who decided what for each organisation, when, and why. Also printed in the handbook. */
export async function ApprovalTable({ approval }: { approval: ApprovalView }) {
  const t = await getTranslations('approval');
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p className="mt-2">
        {t('page.requested', { version: approval.version, date: date(approval.createdAt), name: approval.requestedBy.name, status: t(`status.${approval.status}`) })}
      </p>
      <DataTable caption={t('page.caption', { version: approval.version })} columns={[t('page.organisation'), t('page.decision'), t('page.by'), t('page.date'), t('page.comment')]}>
        {approval.organisations.map((o) => (
          <tr key={o.organisationId} className="border-b border-gray-200 align-top">
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              {o.name}
            </th>
            <td className={`py-2 pr-4 font-semibold ${o.status === 'rejected' ? 'text-danger' : o.status === 'approved' ? 'text-green-800' : ''}`}>{t(`status.${o.status}`)}</td>
            <td className="py-2 pr-4">{o.decidedBy?.name ?? '—'}</td>
            <td className="py-2 pr-4">{o.decidedAt ? date(o.decidedAt) : '—'}</td>
            <td className="py-2">{o.comment ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
