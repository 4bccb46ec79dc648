'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PoolInfo } from '@/components/bpmn/flow-modeler';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import { dialogField as field, EditorDialog } from './editor-dialog';

type Props = {
  open: boolean;
  pools: PoolInfo[];
  catalogue: FlowRoleCatalogue[];
  onAdd: (participantId: string, role: { id: string; name: string }) => void;
  onClose: () => void;
};

/** Adds a lane for one of the organisation's roles to a pool, without a pointer. */
export function RoleLaneDialog({ open, pools, catalogue, onAdd, onClose }: Props) {
  const t = useTranslations('editor.lane');
  const tStep = useTranslations('editor.step');
  const poolId = useId();
  const roleId = useId();
  const hintId = useId();
  const [poolChoice, setPoolChoice] = useState('');
  const [roleChoice, setRoleChoice] = useState('');

  // pools is read from the diagram when the dialog opens and stays the same while it is open.
  useEffect(() => {
    if (!open) return;
    setPoolChoice(pools[0]?.id ?? '');
    setRoleChoice('');
  }, [open, pools]);

  const pool = pools.find((p) => p.id === poolChoice);
  const organisation = catalogue.find((c) => c.organisationId === pool?.organisationId);
  const available = useMemo(
    () => organisation?.roles.filter((r) => !pool?.roleIds.includes(r.id)) ?? [],
    [organisation, pool],
  );
  const role = available.find((r) => r.id === roleChoice) ?? available[0];
  const hint =
    pools.length === 0 ? t('noPools')
    : !organisation ? t('noOrganisation')
    : available.length === 0 ? t('allUsed', { organisation: organisation.organisationName })
    : null;

  return (
    <EditorDialog
      open={open}
      title={t('title')}
      intro={t('intro')}
      cancelLabel={t('cancel')}
      submitLabel={t('add')}
      submitDisabled={!pool || !role}
      onSubmit={() => {
        if (pool && role) onAdd(pool.id, role);
      }}
      onClose={onClose}
    >
      <label htmlFor={poolId} className="text-sm font-medium">
        {t('pool')}
      </label>
      <select
        id={poolId}
        value={poolChoice}
        onChange={(e) => {
          setPoolChoice(e.target.value);
          setRoleChoice('');
        }}
        className={field}
      >
        {pools.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name || tStep('unnamedPool')}
          </option>
        ))}
      </select>
      <label htmlFor={roleId} className="text-sm font-medium">
        {t('role')}
      </label>
      <select
        id={roleId}
        value={role?.id ?? ''}
        onChange={(e) => setRoleChoice(e.target.value)}
        disabled={available.length === 0}
        aria-describedby={hint ? hintId : undefined}
        className={field}
      >
        {available.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
    </EditorDialog>
  );
}
