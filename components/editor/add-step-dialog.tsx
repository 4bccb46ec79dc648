'use client';

import { useEffect, useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { STEP_TYPES, type AddStepInput, type KeyboardEditChoices, type StepType } from '@/components/bpmn/flow-modeler';
import { dialogField as field, EditorDialog } from './editor-dialog';
import { flowNodeLabel, groupByPool, STEP_TYPE_KEYS } from './flow-node-label';

type Props = {
  /** null: closed. Read from the diagram when the dialog opens. */
  choices: KeyboardEditChoices | null;
  error: string | null;
  onAdd: (input: AddStepInput) => void;
  onClose: () => void;
};

/** Adds a step (task, event, gateway) to a lane without a pointer: the keyboard way to the palette. */
export function AddStepDialog({ choices, error, onAdd, onClose }: Props) {
  const t = useTranslations('editor.step');
  const ids = { place: useId(), type: useId(), name: useId(), after: useId(), afterHint: useId() };
  const [placeId, setPlaceId] = useState('');
  const [type, setType] = useState<StepType>('bpmn:Task');
  const [name, setName] = useState('');
  const [afterId, setAfterId] = useState('');

  useEffect(() => {
    if (!choices) return;
    setPlaceId(choices.places[0]?.id ?? '');
    setType('bpmn:Task');
    setName('');
    setAfterId('');
  }, [choices]);

  const places = choices?.places ?? [];
  const place = places.find((p) => p.id === placeId);
  const predecessors = (choices?.nodes ?? []).filter((n) => n.poolId === place?.poolId);
  const typeName = (key: string) => t(`types.${key}`);
  const words = { typeName, inLane: (v: { type: string; lane: string }) => t('inLane', v) };

  return (
    <EditorDialog
      open={choices !== null}
      title={t('title')}
      intro={t('intro')}
      error={error}
      cancelLabel={t('cancel')}
      submitLabel={t('add')}
      submitDisabled={!place}
      onSubmit={() => {
        if (place) onAdd({ placeId: place.id, type, name, afterId: afterId || undefined });
      }}
      onClose={onClose}
    >
      <label htmlFor={ids.place} className="text-sm font-medium">
        {t('place')}
      </label>
      <select
        id={ids.place}
        value={placeId}
        onChange={(e) => {
          setPlaceId(e.target.value);
          setAfterId('');
        }}
        className={field}
      >
        {groupByPool(places).map((group) => (
          <optgroup key={group.poolId} label={group.poolName || t('unnamedPool')}>
            {group.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.laneName !== undefined ? `${p.poolName || t('unnamedPool')} – ${p.laneName || t('unnamedLane')}` : p.poolName || t('unnamedPool')}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor={ids.type} className="text-sm font-medium">
        {t('type')}
      </label>
      <select id={ids.type} value={type} onChange={(e) => setType(e.target.value as StepType)} className={field}>
        {STEP_TYPES.map((stepType) => (
          <option key={stepType} value={stepType}>
            {typeName(STEP_TYPE_KEYS[stepType])}
          </option>
        ))}
      </select>
      <label htmlFor={ids.name} className="text-sm font-medium">
        {t('name')}
      </label>
      <input id={ids.name} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} className={field} />
      <label htmlFor={ids.after} className="text-sm font-medium">
        {t('after')}
      </label>
      <select id={ids.after} value={afterId} onChange={(e) => setAfterId(e.target.value)} aria-describedby={ids.afterHint} className={field}>
        <option value="">{t('afterNone')}</option>
        {predecessors.map((n) => (
          <option key={n.id} value={n.id}>
            {flowNodeLabel(n, words, predecessors)}
          </option>
        ))}
      </select>
      <p id={ids.afterHint} className="text-sm text-muted">
        {t('afterHint')}
      </p>
      {places.length === 0 && <p className="text-sm text-muted">{t('noPlaces')}</p>}
    </EditorDialog>
  );
}
