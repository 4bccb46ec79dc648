'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { AddHandoverInput, FlowNodeInfo, KeyboardEditChoices } from '@/components/bpmn/flow-modeler';
import { dialogField as field, EditorDialog } from './editor-dialog';
import { flowNodeLabel, groupByPool } from './flow-node-label';

type Props = {
  /** null: closed. Read from the diagram when the dialog opens. */
  choices: KeyboardEditChoices | null;
  error: string | null;
  onAdd: (input: AddHandoverInput) => void;
  onClose: () => void;
};

/** A handover (BPMN message flow) from a step in one organisation's pool to a step in another's. */
export function AddHandoverDialog({ choices, error, onAdd, onClose }: Props) {
  const t = useTranslations('editor.handover');
  const tStep = useTranslations('editor.step');
  const ids = { source: useId(), target: useId(), name: useId(), hint: useId() };
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

  const words = { typeName: (key: string) => tStep(`types.${key}`), inLane: (v: { type: string; lane: string }) => tStep('inLane', v) };
  const options = (list: FlowNodeInfo[]) =>
    groupByPool(list).map((group) => (
      <optgroup key={group.poolId} label={group.poolName || tStep('unnamedPool')}>
        {group.items.map((n) => (
          <option key={n.id} value={n.id}>
            {`${group.poolName || tStep('unnamedPool')} – ${flowNodeLabel(n, words, nodes)}`}
          </option>
        ))}
      </optgroup>
    ));
  const hint = choices && sources.length === 0 ? t('noPairs') : null;

  return (
    <EditorDialog
      open={choices !== null}
      title={t('title')}
      intro={t('intro')}
      error={error}
      cancelLabel={t('cancel')}
      submitLabel={t('add')}
      submitDisabled={!sourceId || !targetId}
      onSubmit={() => {
        if (sourceId && targetId) onAdd({ sourceId, targetId, name });
      }}
      onClose={onClose}
    >
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
    </EditorDialog>
  );
}
