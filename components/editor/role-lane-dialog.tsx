'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { PoolInfo } from '@/components/bpmn/flow-modeler';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import { primaryButton, toolbarButton } from './editor-toolbar';

type Props = {
  open: boolean;
  pools: PoolInfo[];
  catalogue: FlowRoleCatalogue[];
  onAdd: (participantId: string, role: { id: string; name: string }) => void;
  onClose: () => void;
};

/** Native modal <dialog>: the browser traps focus, Escape closes, focus returns to the opener. */
export function RoleLaneDialog({ open, pools, catalogue, onAdd, onClose }: Props) {
  const t = useTranslations('editor.lane');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const poolId = useId();
  const roleId = useId();
  const hintId = useId();
  const [poolChoice, setPoolChoice] = useState('');
  const [roleChoice, setRoleChoice] = useState('');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPoolChoice(pools[0]?.id ?? '');
      setRoleChoice('');
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
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
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[32rem] max-w-[95vw] rounded-lg border border-gray-300 p-5 shadow-xl backdrop:bg-black/40"
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (pool && role) onAdd(pool.id, role);
        }}
        className="flex flex-col gap-3"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-muted">{t('intro')}</p>
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
          className="rounded border border-gray-400 p-2"
        >
          {pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name || p.id}
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
          className="rounded border border-gray-400 p-2"
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
        <div className="mt-2 flex justify-end gap-2">
          <button type="button" className={toolbarButton} onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className={primaryButton} disabled={!pool || !role}>
            {t('add')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
