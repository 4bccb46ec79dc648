import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/table/data-table';
import type { RoleName } from '@/components/responsibility/role-names';
import type { ActivityRaci } from '@/lib/domain/responsibility/raci';
import { JOURNEY_PHASES } from '@/lib/bpmn/stafett-details';

type Props = {
  flowName: string;
  activities: ActivityRaci[];
  roleName: (roleId: string | undefined) => RoleName | undefined;
  organisationName: (id: string | undefined) => string | undefined;
};

const names = (ids: string[], roleName: Props['roleName']) => ids.map((id) => roleName(id)?.name ?? id).join(', ') || '—';

/** The handbook's steps: who does and answers for each, within what time, in which system. */
export async function HandbookSteps({ flowName, activities, roleName, organisationName }: Props) {
  const t = await getTranslations('approval.handbook');
  return (
    <DataTable caption={t('stepsCaption', { name: flowName })} columns={[t('step'), t('organisation'), t('responsible'), t('accountable'), t('timeLimit'), t('system')]}>
      {activities.map((a) => (
        <tr key={a.elementId} className="border-b border-gray-200 align-top">
          <th scope="row" className="py-1.5 pr-3 text-left font-medium">
            {a.name || a.elementId}
          </th>
          <td className="py-1.5 pr-3">{organisationName(a.organisationId) ?? '—'}</td>
          <td className="py-1.5 pr-3">{names(a.R, roleName)}</td>
          <td className="py-1.5 pr-3">{names(a.A, roleName)}</td>
          <td className="py-1.5 pr-3">{a.details.timeLimit ?? '—'}</td>
          <td className="py-1.5">{a.details.itSystem ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Where the customer is contacted, per phase of their journey (before, during, after), owner's term first. */
export async function HandbookTouchpoints({ activities, organisationName }: Pick<Props, 'activities' | 'organisationName'>) {
  const t = await getTranslations('approval.handbook');
  const tp = await getTranslations('responsibility.lens.phase');
  const touchpoints = activities.filter((a) => a.details.touchpoint);
  const phases = [...JOURNEY_PHASES, 'unspecified'] as const;
  return (
    <div className="mt-2 grid gap-4 sm:grid-cols-3 print:grid-cols-3">
      {phases.map((phase) => {
        const inPhase = touchpoints.filter((a) => (a.details.journeyPhase ?? 'unspecified') === phase);
        if (phase === 'unspecified' && inPhase.length === 0) return null;
        return (
          <div key={phase}>
            <h3 className="font-semibold">{tp(phase)}</h3>
            {inPhase.length === 0 ? (
              <p className="text-muted">{t('noTouchpoints')}</p>
            ) : (
              <ul className="list-disc pl-5">
                {inPhase.map((a) => (
                  <li key={a.elementId}>
                    {a.name} <span className="text-muted">({organisationName(a.organisationId) ?? '—'})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}
