import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { RoleLoad } from '@/lib/db/role-responsibilities';

type Props = { organisationName: string; loads: RoleLoad[]; currentRoleId: string };

const LETTERS = ['R', 'A', 'C', 'I'] as const;

/** Each role's count of R, A, C and I across visible flows: load at a glance, and a role with none stands out. */
export async function RoleLoadTable({ organisationName, loads, currentRoleId }: Props) {
  const t = await getTranslations('responsibility');
  return (
    <DataTable caption={t('role.loadCaption', { organisation: organisationName })} columns={[t('role.roleColumn'), ...LETTERS.map((l) => t(`letters.${l}`)), t('role.flows')]}>
      {loads.map((load) => {
        const none = LETTERS.every((l) => load.counts[l] === 0);
        return (
          <tr key={load.roleId} className={`border-b border-gray-200 ${load.archived ? 'text-muted' : ''}`}>
            <th scope="row" className="py-2 pr-4 text-left font-medium">
              <Link href={`/roles/${load.roleId}`} className="text-brand underline" aria-current={load.roleId === currentRoleId ? 'page' : undefined}>
                {load.name}
              </Link>
              {none ? <span className="ml-2 text-sm font-normal text-danger">({t('role.gap')})</span> : null}
            </th>
            {LETTERS.map((l) => (
              <td key={l} className="py-2 pr-4">{load.counts[l]}</td>
            ))}
            <td className="py-2">{load.flows}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
