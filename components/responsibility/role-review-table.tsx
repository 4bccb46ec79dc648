import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { RoleReviewItem } from '@/lib/domain/responsibility/role-review';

type Props = { roleName: string; items: RoleReviewItem[] };

export async function RoleReviewTable({ roleName, items }: Props) {
  const t = await getTranslations('responsibility');
  if (items.length === 0) return <p className="mt-2">{t('role.empty')}</p>;
  return (
    <DataTable caption={t('role.itemsCaption', { name: roleName })} columns={[t('role.flow'), t('role.element'), t('role.kind'), t('role.letters')]}>
      {items.map((item) => (
        <tr key={`${item.flowId}-${item.elementId}`} className="border-b border-gray-200 align-top">
          <td className="py-2 pr-4">
            <Link href={`/flows/${item.flowId}/raci`} className="text-brand underline">
              {item.flowName}
            </Link>
          </td>
          <th scope="row" className="py-2 pr-4 text-left font-medium">
            <Link href={`/flows/${item.flowId}?element=${encodeURIComponent(item.elementId)}`} className="text-brand underline">
              {item.name || item.elementId}
            </Link>
          </th>
          <td className="py-2 pr-4">{t(`role.kind${item.kind}`)}</td>
          <td className="py-2">{item.letters.map((l) => t(`letters.${l}`)).join(', ')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
