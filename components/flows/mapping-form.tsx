'use client';

import { useActionState, useState, startTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { OrganisationWithRoles } from '@/lib/db/flows/flow-form-options';
import { ErrorSummary } from './error-summary';
import { IDLE, type MappingState } from './form-state';

export type MappingPool = {
  id: string;
  name: string;
  organisationId?: string;
  lanes: { id: string; name: string; roleId?: string }[];
};

type Props = {
  pools: MappingPool[];
  organisations: OrganisationWithRoles[];
  baseVersion: number;
  action: (prev: MappingState, form: FormData) => Promise<MappingState>;
};

const select = 'mt-1 block w-full max-w-md rounded border border-gray-500 px-3 py-2';

/** A select of organisations per pool and, under it, a select of that organisation's roles per lane. */
export function MappingForm({ pools, organisations, baseVersion, action }: Props) {
  const t = useTranslations('flow');
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(pools.map((p) => [p.id, p.organisationId ?? ''])),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  if (pools.length === 0) return <p>{t('mapping.noPools')}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-6">
      {state.status === 'error' ? <ErrorSummary title={t('validation.summary')} formError={state.formError} errors={[]} /> : null}
      {state.status === 'saved' ? (
        <p role="status" className="rounded border-2 border-ok bg-green-50 p-4 font-medium">{t('mapping.saved', { version: state.version })}</p>
      ) : null}
      <input type="hidden" name="baseVersion" value={baseVersion} />
      {pools.map((pool) => {
        const name = pool.name || t('mapping.unnamed');
        const roles = organisations.find((o) => o.id === chosen[pool.id])?.roles ?? [];
        return (
          <fieldset key={pool.id} className="rounded border border-gray-400 p-4">
            <legend className="px-1 text-lg font-semibold">{t('mapping.pool', { name })}</legend>
            <label htmlFor={`pool-${pool.id}`} className="block font-semibold">{t('mapping.organisation')}</label>
            <select id={`pool-${pool.id}`} name={`participant:${pool.id}`} value={chosen[pool.id] ?? ''} className={select}
              onChange={(e) => setChosen((prev) => ({ ...prev, [pool.id]: e.target.value }))}>
              <option value="">{t('mapping.notMapped')}</option>
              {organisations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
            {/* A mapped pool takes its organisation's name and colour; its own name can be kept. */}
            {pool.name && chosen[pool.id] ? (
              <div className="mt-2 flex items-center gap-2">
                <input type="checkbox" id={`keep-${pool.id}`} name="keepName" value={pool.id} className="h-4 w-4" />
                <label htmlFor={`keep-${pool.id}`}>{t('mapping.keepName', { name: pool.name })}</label>
              </div>
            ) : null}
            {pool.lanes.length === 0 ? <p className="mt-3 text-muted">{t('mapping.noLanes')}</p> : (
              <div className="mt-4 space-y-3 border-l-4 border-gray-300 pl-4">
                <p className="font-medium">{t('mapping.lanesCaption')}</p>
                {!chosen[pool.id] ? <p className="text-muted">{t('mapping.chooseOrganisationFirst')}</p> : null}
                {pool.lanes.map((lane) => (
                  <div key={lane.id}>
                    {/* A disabled select is not submitted: a linked lane of a pool now unlinked must still lose its role. */}
                    {!chosen[pool.id] && lane.roleId ? <input type="hidden" name={`lane:${lane.id}`} value="" /> : null}
                    <label htmlFor={`lane-${lane.id}`} className="block">
                      {t('mapping.lane', { name: lane.name || t('mapping.unnamed') })}: {t('mapping.role')}
                    </label>
                    {/* Keyed by organisation: choosing another organisation resets the lane to its current role, if that role belongs there. */}
                    <select key={`${lane.id}-${chosen[pool.id]}`} id={`lane-${lane.id}`} name={`lane:${lane.id}`} className={select}
                      disabled={!chosen[pool.id]} defaultValue={roles.some((r) => r.id === lane.roleId) ? lane.roleId : ''}>
                      <option value="">{t('mapping.notMapped')}</option>
                      {roles.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
                    </select>
                  </div>
                ))}
              </div>
            )}
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? t('mapping.saving') : t('mapping.save')}
      </button>
    </form>
  );
}
