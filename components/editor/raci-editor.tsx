'use client';

import { useTranslations } from 'next-intl';
import type { Responsibility } from '@/lib/bpmn/stafett-details';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import { nextResponsibilities, type RaciToggle } from './raci-edit';

type Props = {
  elementId: string;
  responsibilities: Responsibility[];
  laneRoleId?: string;
  catalogue: (FlowRoleCatalogue & { colour?: string })[];
  readOnly: boolean;
  onChange: (next: Responsibility[]) => void;
};

const LETTERS = ['R', 'A', 'C', 'I'] as const;

/**
 * R, A, C and I for every role of every participating organisation, a table per organisation in its
 * colour. A is one radio group across all organisations (exactly one Accountable); R, C and I are
 * checkboxes. Every control is named "<letter meaning>: <role>" for screen readers.
 */
export function RaciEditor({ elementId, responsibilities, laneRoleId, catalogue, readOnly, onChange }: Props) {
  const t = useTranslations('responsibility');
  const explicitR = responsibilities.filter((r) => r.type === 'responsible').map((r) => r.roleId);
  const effectiveR = explicitR.length > 0 ? explicitR : laneRoleId ? [laneRoleId] : [];
  const has = (letter: (typeof LETTERS)[number], roleId: string) =>
    letter === 'R' ? effectiveR.includes(roleId) : responsibilities.some((r) => r.roleId === roleId && r.type === TYPES[letter]);
  const accountable = responsibilities.find((r) => r.type === 'accountable')?.roleId ?? '';
  const toggle = (change: RaciToggle) => onChange(nextResponsibilities(responsibilities, laneRoleId, change));
  const group = `accountable-${elementId}`;

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{t('panel.raci')}</legend>
      <p className="text-xs text-muted">{t('panel.raciHint')}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name={group} checked={accountable === ''} disabled={readOnly} onChange={() => toggle({ letter: 'A', roleId: '' })} />
        {t('panel.noAccountable')}
      </label>
      {catalogue.map((org) => (
        <table key={org.organisationId} className="w-full border-l-4 text-sm" style={{ borderLeftColor: org.colour ?? '#9ca3af' }}>
          <caption className="px-2 text-left font-medium">{org.organisationName}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 text-left font-normal text-muted">{t('panel.role')}</th>
              {LETTERS.map((l) => (
                <th key={l} scope="col" className="w-8 text-center">
                  <abbr title={t(`letters.${l}`)}>{l}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {org.roles.map((role) => (
              <tr key={role.id} className="border-t border-gray-200">
                <th scope="row" className="px-2 py-0.5 text-left font-normal">
                  {role.name}
                  {role.id === laneRoleId ? <span className="text-xs text-muted"> ({t('panel.laneDefault')})</span> : null}
                </th>
                {LETTERS.map((l) => {
                  const label = t('panel.letterFor', { letter: t(`letters.${l}`), role: role.name });
                  const checked = has(l, role.id);
                  // The lane's role as the only R cannot be unticked: without a named R the lane's role is R.
                  const locked = l === 'R' && checked && explicitR.length === 0 && role.id === laneRoleId;
                  return (
                    <td key={l} className="text-center">
                      <input
                        type={l === 'A' ? 'radio' : 'checkbox'}
                        name={l === 'A' ? group : undefined}
                        aria-label={label}
                        checked={checked}
                        disabled={readOnly || locked}
                        onChange={(e) => toggle({ letter: l, roleId: role.id, on: l === 'A' ? true : e.target.checked })}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </fieldset>
  );
}

const TYPES = { R: 'responsible', A: 'accountable', C: 'consulted', I: 'informed' } as const;
