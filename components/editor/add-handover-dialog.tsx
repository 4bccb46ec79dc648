'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { AddHandoverInput, FlowNodeInfo, KeyboardEditChoices } from '@/components/bpmn/flow-modeler';
import { primaryButton, toolbarButton } from './editor-toolbar';
import { flowNodeLabel, groupByPool } from './flow-node-label';
import { useModalDialog } from './use-modal-dialog';

type Props = {
  /** null: closed. Read from the diagram when the dialog opens. */
  choices: KeyboardEditChoices | null;
  error: string | null;
  onAdd: (input: AddHandoverInput) => void;
  onClose: () => void;
};

const field = 'rounded border border-gray-400 p-2';

/** A handover (BPMN message flow) from a step in one organisation's pool to a step in another's. */
export function AddHandoverDialog({ choices, error, onAdd, onClose }: Props) {
  const t = useTranslations('editor.handover');
  const tStep = useTranslations('editor.step');
  const dialogRef = useModalDialog(choices !== null);
  const ids = { title: useId(), source: useId(), target: useId(), name: useId(), hint: useId(), error: useId() };
  const [sourceId, setSourceId] = useState('');
  const [targetId, setTargetId] = useState('');
  const [name, setName] = useState('');

  const nodes = choices?.nodes ?? [];
  const targetsBySource = choices?.handoverTargets ?? {};
  // Only elements that can send a message to some other pool; the receivers follow the sender.
  const sources = nodes.filter((n) => targetsBySource[n.id]);
  const targets = nodes.filter((n) => targetsBySource[sourceId]?.includes(n.id));

  useEffect(() => {
    if (!choices) return;
    const first = choices.nodes.find((n) => choices.handoverTargets[n.id]);
    setSourceId(first?.id ?? '');
    setTargetId(first ? (choices.handoverTargets[first.id]?.[0] ?? '') : '');
    setName('');
  }, [choices]);

  const typeName = (key: string) => tStep(`types.${key}`);
  const options = (list: FlowNodeInfo[]) =>
    groupByPool(list).map((group) => (
      <optgroup key={group.poolId} label={group.poolName || group.poolId}>
        {group.items.map((n) => (
          <option key={n.id} value={n.id}>
            {`${group.poolName} – ${flowNodeLabel(n, typeName)}`}
          </option>
        ))}
      </optgroup>
    ));
  const hint = choices && sources.length === 0 ? t('noPairs') : null;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={ids.title}
      onClose={onClose}
      className="m-auto w-[32rem] max-w-[95vw] rounded-lg border border-gray-300 p-5 shadow-xl backdrop:bg-black/40"
    >
      <form
        method="dialog"
        aria-describedby={error ? ids.error : undefined}
        onSubmit={(e) => {
          e.preventDefault();
          if (sourceId && targetId) onAdd({ sourceId, targetId, name });
        }}
        className="flex flex-col gap-3"
      >
        <h2 id={ids.title} className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p className="text-sm text-muted">{t('intro')}</p>
        <label htmlFor={ids.source} className="text-sm font-medium">
          {t('from')}
        </label>
        <select
          id={ids.source}
          value={sourceId}
          onChange={(e) => {
            setSourceId(e.target.value);
            setTargetId(targetsBySource[e.target.value]?.[0] ?? '');
          }}
          aria-describedby={hint ? ids.hint : undefined}
          className={field}
        >
          {options(sources)}
        </select>
        <label htmlFor={ids.target} className="text-sm font-medium">
          {t('to')}
        </label>
        <select id={ids.target} value={targetId} onChange={(e) => setTargetId(e.target.value)} disabled={targets.length === 0} className={field}>
          {options(targets)}
        </select>
        <label htmlFor={ids.name} className="text-sm font-medium">
          {t('name')}
        </label>
        <input id={ids.name} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} className={field} />
        {hint && (
          <p id={ids.hint} className="text-sm text-muted">
            {hint}
          </p>
        )}
        {error && (
          <p id={ids.error} role="alert" className="text-sm font-semibold text-danger">
            {error}
          </p>
        )}
        <div className="mt-2 flex justify-end gap-2">
          <button type="button" className={toolbarButton} onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className={primaryButton} disabled={!sourceId || !targetId}>
            {t('add')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
