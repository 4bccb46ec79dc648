'use client';

import { useActionState, useState, startTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { OrganisationWithRoles } from '@/lib/db/flows/flow-form-options';
import { FLOW_CATEGORIES } from '@/lib/validation/flow-forms';
import { ErrorSummary, FieldError } from './error-summary';
import { OwnerSelect } from './owner-select';
import { IDLE, type FormState } from './form-state';

type Props = {
  organisations: OrganisationWithRoles[];
  owners: { id: string; name: string }[];
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

const input = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2 text-ink';
const label = 'block font-semibold';
const hint = 'mt-1 text-sm text-muted';

export function NewFlowForm({ organisations, owners, action }: Props) {
  const t = useTranslations('flow');
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const errors = state.status === 'error' ? state.fieldErrors : {};

  // Submitting through a transition (not the form's action prop) keeps React from resetting the form,
  // so nothing typed is lost when the server answers with errors.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  function toggle(id: string, on: boolean) {
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const describe = (field: string, withHint = true) =>
    [withHint ? `f-${field}-hint` : '', errors[field] ? `f-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {state.status === 'error' ? (
        <ErrorSummary
          title={t('validation.summary')}
          formError={state.formError}
          errors={Object.entries(errors).map(([field, message]) => ({ field, message }))}
        />
      ) : null}

      <div>
        <label htmlFor="f-name" className={label}>{t('new.name')}</label>
        <p id="f-name-hint" className={hint}>{t('new.nameHint')}</p>
        <input id="f-name" name="name" type="text" required maxLength={200} autoComplete="off"
          aria-invalid={Boolean(errors.name)} aria-describedby={describe('name')} className={input} />
        <FieldError id="f-name-error" message={errors.name} />
      </div>

      <div>
        <label htmlFor="f-purpose" className={label}>{t('new.purpose')}</label>
        <p id="f-purpose-hint" className={hint}>{t('new.purposeHint')}</p>
        <textarea id="f-purpose" name="purpose" rows={4} maxLength={2000}
          aria-invalid={Boolean(errors.purpose)} aria-describedby={describe('purpose')} className={input} />
        <FieldError id="f-purpose-error" message={errors.purpose} />
      </div>

      <fieldset id="f-category" aria-describedby={describe('category', false)}>
        <legend className={label}>{t('new.category')}</legend>
        <div className="mt-2 space-y-2">
          {FLOW_CATEGORIES.map((c, i) => (
            <div key={c} className="flex items-start gap-2">
              <input id={`f-category-${c}`} type="radio" name="category" value={c} defaultChecked={i === 0}
                aria-describedby={`f-category-${c}-hint`} className="mt-1 h-4 w-4" />
              <label htmlFor={`f-category-${c}`}>
                {t(`categories.${c}`)}
                <span id={`f-category-${c}-hint`} className="block text-sm text-muted">{t(`categoryHints.${c}`)}</span>
              </label>
            </div>
          ))}
        </div>
        <FieldError id="f-category-error" message={errors.category} />
      </fieldset>

      <fieldset id="f-organisationIds" aria-describedby={describe('organisationIds')}>
        <legend className={label}>{t('new.organisations')}</legend>
        <p id="f-organisationIds-hint" className={hint}>{t('new.organisationsHint')}</p>
        <FieldError id="f-organisationIds-error" message={errors.organisationIds} />
        {organisations.length === 0 ? <p className="mt-2">{t('new.noOrganisations')}</p> : null}
        <ul className="mt-2 space-y-3">
          {organisations.map((o) => (
            <li key={o.id}>
              <div className="flex items-center gap-2">
                <input id={`f-org-${o.id}`} type="checkbox" name="organisationIds" value={o.id}
                  checked={chosen.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)}
                  aria-controls={`f-roles-${o.id}`} className="h-4 w-4" />
                <label htmlFor={`f-org-${o.id}`} className="flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full border border-gray-600" style={{ backgroundColor: o.colour }} />
                  {o.name} <span className="text-sm text-muted">({t(`kinds.${o.kind}`)})</span>
                </label>
              </div>
              <div id={`f-roles-${o.id}`}>
                {chosen.has(o.id) ? <RoleChoices organisation={o} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </fieldset>

      <OwnerSelect owners={owners} label={t('new.owner')} chooseLabel={t('new.chooseOwner')} error={errors.ownerOrganisationId} />

      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? t('new.submitting') : t('new.submit')}
      </button>
    </form>
  );
}

function RoleChoices({ organisation }: { organisation: OrganisationWithRoles }) {
  const t = useTranslations('flow');
  if (organisation.roles.length === 0) {
    return <p className="ml-6 mt-1 text-sm text-muted">{t('new.noRoles', { organisation: organisation.name })}</p>;
  }
  return (
    <fieldset className="ml-6 mt-2 border-l-4 pl-4" style={{ borderColor: organisation.colour }}>
      <legend className="font-medium">{t('new.rolesOf', { organisation: organisation.name })}</legend>
      <p className="text-sm text-muted">{t('new.rolesHint')}</p>
      <ul className="mt-1 space-y-1">
        {organisation.roles.map((r) => (
          <li key={r.id} className="flex items-center gap-2">
            <input id={`f-role-${r.id}`} type="checkbox" name={`roles.${organisation.id}`} value={r.id} className="h-4 w-4" />
            <label htmlFor={`f-role-${r.id}`}>{r.name}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
