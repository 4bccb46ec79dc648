'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from './error-summary';

type Props = {
  owners: { id: string; name: string }[];
  label: string;
  chooseLabel: string;
  error?: string;
};

const input = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2 text-ink';

/** The owning organisation of a new or imported flow; chosen already when the user may own in only one. */
export function OwnerSelect({ owners, label, chooseLabel, error }: Props) {
  const t = useTranslations('flow');
  const describedBy = error ? 'f-ownerOrganisationId-hint f-ownerOrganisationId-error' : 'f-ownerOrganisationId-hint';
  return (
    <div>
      <label htmlFor="f-ownerOrganisationId" className="block font-semibold">{label}</label>
      <p id="f-ownerOrganisationId-hint" className="mt-1 text-sm text-muted">{t('new.ownerHint')}</p>
      <select id="f-ownerOrganisationId" name="ownerOrganisationId" defaultValue={owners.length === 1 ? owners[0]!.id : ''}
        aria-invalid={Boolean(error)} aria-describedby={describedBy} className={input}>
        <option value="">{chooseLabel}</option>
        {owners.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      <FieldError id="f-ownerOrganisationId-error" message={error} />
    </div>
  );
}
