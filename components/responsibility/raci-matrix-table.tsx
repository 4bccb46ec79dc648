import { getTranslations } from 'next-intl/server';
import type { RaciMatrix } from '@/lib/domain/responsibility/raci-matrix';

type Props = { flowName: string; matrix: RaciMatrix };

/**
 * The matrix with sticky headings (organisation row, role row, activity column) inside its own scroll
 * box, so a long flow keeps its headings in view. Letters are text; each has its meaning for screen readers.
 */
export async function RaciMatrixTable({ flowName, matrix }: Props) {
  const t = await getTranslations('responsibility');
  const groups: { key: string; name: string; colour?: string; span: number }[] = [];
  for (const column of matrix.columns) {
    const key = column.organisationId ?? '';
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.span++;
    else groups.push({ key, name: column.organisationName ?? t('matrix.unknownRole'), colour: column.colour, span: 1 });
  }
  const orgOf = new Map(matrix.columns.map((c) => [c.roleId, c.colour]));
  return (
    <div className="raci-scroll mt-4 max-h-[70vh] overflow-auto rounded border border-gray-300" tabIndex={0} role="region" aria-label={t('matrix.caption', { name: flowName })}>
      <table className="raci-table border-separate border-spacing-0 text-sm">
        <caption className="sr-only">{t('matrix.caption', { name: flowName })}</caption>
        <thead>
          <tr>
            <td className="sticky left-0 top-0 z-30 border-b border-gray-300 bg-white" />
            {groups.map((g, i) => (
              <th
                key={`${g.key}-${i}`}
                scope="colgroup"
                colSpan={g.span}
                className="sticky top-0 z-20 border-b-4 bg-white px-2 py-1 text-left font-semibold"
                style={{ borderBottomColor: g.colour ?? '#9ca3af' }}
              >
                {g.name}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="sticky left-0 top-8 z-30 border-b-2 border-gray-400 bg-white px-2 py-1 text-left">
              {t('matrix.activity')}
            </th>
            {matrix.columns.map((c) => (
              <th
                key={c.roleId}
                scope="col"
                className="sticky top-8 z-20 min-w-24 border-b-2 border-l bg-white px-2 py-1 text-left align-bottom font-medium"
                style={{ borderLeftColor: c.colour ?? '#d1d5db' }}
              >
                {c.organisationName ? c.roleName : `${t('matrix.unknownRole')} (${c.roleId})`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.elementId} className="even:bg-gray-50">
              <th scope="row" className="sticky left-0 z-10 max-w-72 border-b border-gray-200 bg-inherit bg-white px-2 py-1 text-left font-normal">
                {row.name || t('matrix.unnamed')}
              </th>
              {matrix.columns.map((c) => {
                const letters = row.cells[c.roleId] ?? [];
                return (
                  <td key={c.roleId} className="border-b border-l border-gray-200 px-2 py-1 text-center font-semibold" style={{ borderLeftColor: orgOf.get(c.roleId) ?? undefined }}>
                    {letters.map((l) => (
                      <abbr key={l} title={t(`letters.${l}`)} className="mx-0.5 no-underline">
                        <span aria-hidden="true">{l}</span>
                        <span className="sr-only">{t(`letters.${l}`)}</span>
                      </abbr>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
