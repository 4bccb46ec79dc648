'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { DetailsChange, DetailsChoice, ElementDetails, StepDetailsHandle, StepDetailsWriter } from '@/components/bpmn/step-details-handle';
import { findingText } from '@/components/responsibility/finding-text';
import { JOURNEY_PHASES, VALUE_CLASSES, type HandoverDetails, type StepDetails } from '@/lib/bpmn/stafett-details';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import type { Finding } from '@/lib/domain/responsibility/checks';
import { CommitField } from './commit-field';
import { RaciEditor } from './raci-editor';

/** The participating organisations' role catalogues, each with its pool colour. */
export type PanelCatalogue = (FlowRoleCatalogue & { colour?: string })[];

type Props = {
  diagram: () => (StepDetailsHandle & Partial<StepDetailsWriter>) | null;
  readOnly: boolean;
  /** Each organisation edits its own pool: other organisations' elements are read-only here too. */
  mayEdit?: (elementId: string) => boolean;
  catalogue: PanelCatalogue;
  /** From ?element=ID: selected and centred once the diagram has loaded. */
  initialElementId?: string;
};

type Snapshot = { selected?: ElementDetails; choices: DetailsChoice[]; findings: Finding[] };

/**
 * The selected element's details (name, description, RACI, step or handover details), as ordinary form
 * controls: reachable with Tab, named for screen readers, worded by next-intl. Each change is one
 * command on the diagram's command stack; the editor's own save (or co-editing) takes it from there.
 */
export function StepDetailsPanel({ diagram, readOnly: readOnlyPanel, mayEdit, catalogue, initialElementId }: Props) {
  const t = useTranslations('responsibility');
  const chooserId = useId();
  const [snapshot, setSnapshot] = useState<Snapshot>({ choices: [], findings: [] });
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(initialElementId);
  const diagramRef = useRef(diagram);
  diagramRef.current = diagram;

  useEffect(() => {
    // The diagram's handle is set (useImperativeHandle) before any passive effect of the page runs.
    const handle = diagramRef.current();
    if (!handle) return;
    const roleOrganisations = new Map(catalogue.flatMap((o) => o.roles.map((r) => [r.id, o.organisationId] as const)));
    const read = () => {
      const wanted = pending.current;
      if (wanted) {
        // Cleared first: selecting fires selection.changed, which calls read() again.
        pending.current = undefined;
        if (!handle.selectElement(wanted)) pending.current = wanted;
      }
      const id = handle.selectedElementId();
      setSnapshot({ selected: id ? handle.describeElement(id) : undefined, choices: handle.detailChoices(), findings: handle.findings() });
    };
    handle.configureFindings({ roleOrganisations, label: (count) => t('checks.badge', { count }) });
    read();
    return handle.subscribeDetails(read);
  }, [catalogue, t]);

  const update = (change: DetailsChange) => {
    const handle = diagram();
    if (!handle?.updateElementDetails || !snapshot.selected) return;
    try {
      setError(null);
      handle.updateElementDetails(snapshot.selected.id, change);
    } catch (e) {
      setError(t('panel.changeFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const selected = snapshot.selected;
  const otherOrganisation = !readOnlyPanel && selected !== undefined && mayEdit !== undefined && !mayEdit(selected.id);
  const readOnly = readOnlyPanel || otherOrganisation;
  const findings = selected ? snapshot.findings.filter((f) => f.elementId === selected.id) : [];
  const roleName = (id: string | undefined) => catalogue.flatMap((o) => o.roles).find((r) => r.id === id)?.name ?? id ?? '';

  return (
    <aside aria-labelledby={`${chooserId}-heading`} className="flex w-full shrink-0 flex-col gap-3 overflow-y-auto border-t border-gray-300 bg-white p-3 min-[1440px]:w-96 min-[1440px]:border-t-0 min-[1440px]:border-l">
      <h2 id={`${chooserId}-heading`} className="text-lg font-semibold">
        {t('panel.heading')}
      </h2>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={chooserId} className="text-sm font-medium">
          {t('panel.chooser')}
        </label>
        <select
          id={chooserId}
          value={selected?.id ?? ''}
          onChange={(e) => e.target.value && diagram()?.selectElement(e.target.value)}
          className="rounded border border-gray-500 px-2 py-1 text-sm"
        >
          <option value="">{t('panel.chooserNone')}</option>
          {(['activity', 'handover'] as const).map((kind) => (
            <optgroup key={kind} label={t(kind === 'activity' ? 'panel.activities' : 'panel.handovers')}>
              {snapshot.choices
                .filter((c) => c.kind === kind)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name || c.id}
                  </option>
                ))}
            </optgroup>
          ))}
          {selected && !snapshot.choices.some((c) => c.id === selected.id) ? <option value={selected.id}>{selected.name || selected.id}</option> : null}
        </select>
      </div>
      {readOnly ? <p className="text-sm text-muted">{t(otherOrganisation ? 'panel.otherOrganisation' : 'panel.readOnly')}</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {!selected ? (
        <p className="text-sm">{t('panel.nothingSelected')}</p>
      ) : (
        <div key={selected.id} className="flex flex-col gap-3">
          <p className="text-sm text-muted">
            {t(`panel.kind.${selected.kind}`)} · {selected.type.replace(/^bpmn:/, '')} · <span className="font-mono">{selected.id}</span>
          </p>
          {findings.length > 0 ? (
            <div className="rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm">
              <h3 className="font-semibold">{t('panel.findings')}</h3>
              <ul className="list-disc pl-5">
                {findings.map((f, i) => (
                  <li key={i}>{findingText((k, v) => t(`checks.${k}`, v), f)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <CommitField label={t('panel.name')} value={selected.name} readOnly={readOnly} onCommit={(value) => update({ field: 'name', value })} />
          <CommitField label={t('panel.documentation')} value={selected.documentation} readOnly={readOnly} multiline onCommit={(value) => update({ field: 'documentation', value })} />
          {selected.kind === 'activity' && selected.step ? (
            <>
              <RaciEditor
                elementId={selected.id}
                responsibilities={selected.responsibilities}
                laneRoleId={selected.laneRoleId}
                catalogue={catalogue}
                readOnly={readOnly}
                onChange={(value) => update({ field: 'responsibilities', value })}
              />
              <StepFields step={selected.step} readOnly={readOnly} onChange={(value) => update({ field: 'step', value })} />
            </>
          ) : null}
          {selected.kind === 'handover' && selected.handover ? (
            <HandoverFields
              details={selected}
              handover={selected.handover}
              catalogue={catalogue}
              roleName={roleName}
              readOnly={readOnly}
              onChange={update}
            />
          ) : null}
        </div>
      )}
    </aside>
  );
}

function StepFields({ step, readOnly, onChange }: { step: StepDetails; readOnly: boolean; onChange: (next: StepDetails) => void }) {
  const t = useTranslations('responsibility');
  const id = useId();
  const text = (field: 'timeLimit' | 'legalBasis' | 'itSystem' | 'why', label: string, multiline = false) => (
    <CommitField label={label} value={step[field] ?? ''} readOnly={readOnly} multiline={multiline} onCommit={(value) => onChange({ ...step, [field]: value })} />
  );
  return (
    <>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={step.touchpoint} disabled={readOnly} onChange={(e) => onChange({ ...step, touchpoint: e.target.checked })} className="mt-1" />
        {t('panel.touchpoint')}
      </label>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-phase`} className="text-sm font-medium">{t('panel.journeyPhase')}</label>
        <select
          id={`${id}-phase`}
          value={step.journeyPhase ?? ''}
          disabled={readOnly}
          onChange={(e) => onChange({ ...step, journeyPhase: (JOURNEY_PHASES as readonly string[]).includes(e.target.value) ? (e.target.value as StepDetails['journeyPhase']) : undefined })}
          className="rounded border border-gray-500 px-2 py-1 text-sm"
        >
          <option value="">{t('panel.phaseNone')}</option>
          {JOURNEY_PHASES.map((p) => (
            <option key={p} value={p}>{t(`lens.phase.${p}`)}</option>
          ))}
        </select>
      </div>
      {text('timeLimit', t('panel.timeLimit'))}
      {text('legalBasis', t('panel.legalBasis'))}
      {text('itSystem', t('panel.itSystem'))}
      {text('why', t('panel.why'), true)}
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${id}-value`} className="text-sm font-medium">{t('panel.valueClass')}</label>
        <select
          id={`${id}-value`}
          value={step.valueClass ?? ''}
          disabled={readOnly}
          onChange={(e) => onChange({ ...step, valueClass: (VALUE_CLASSES as readonly string[]).includes(e.target.value) ? (e.target.value as StepDetails['valueClass']) : undefined })}
          className="rounded border border-gray-500 px-2 py-1 text-sm"
        >
          <option value="">{t('panel.valueNone')}</option>
          {VALUE_CLASSES.map((c) => (
            <option key={c} value={c}>{t(`lens.value.${c}`)}</option>
          ))}
        </select>
      </div>
    </>
  );
}

type HandoverProps = {
  details: ElementDetails;
  handover: HandoverDetails;
  catalogue: (FlowRoleCatalogue & { colour?: string })[];
  roleName: (id: string | undefined) => string;
  readOnly: boolean;
  onChange: (change: DetailsChange) => void;
};

function HandoverFields({ details, handover, catalogue, roleName, readOnly, onChange }: HandoverProps) {
  const t = useTranslations('responsibility.panel');
  const id = useId();
  const set = (next: HandoverDetails) => onChange({ field: 'handover', value: next });
  const only = (type: 'responsible' | 'accountable') => details.responsibilities.find((r) => r.type === type)?.roleId ?? '';
  const setOnly = (type: 'responsible' | 'accountable', roleId: string) =>
    onChange({ field: 'responsibilities', value: [...details.responsibilities.filter((r) => r.type !== type), ...(roleId ? [{ roleId, type }] : [])] });
  const roleSelect = (key: string, label: string, value: string, fallback: string | undefined, onSelect: (roleId: string) => void) => (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={`${id}-${key}`} className="text-sm font-medium">{label}</label>
      <select id={`${id}-${key}`} value={value} disabled={readOnly} onChange={(e) => onSelect(e.target.value)} className="rounded border border-gray-500 px-2 py-1 text-sm">
        <option value="">{fallback ? t('laneRole', { role: roleName(fallback) }) : t('noRole')}</option>
        {catalogue.map((org) => (
          <optgroup key={org.organisationId} label={org.organisationName}>
            {org.roles.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
  const text = (field: 'what' | 'channel' | 'timeLimit' | 'legalBasis', label: string) => (
    <CommitField label={label} value={handover[field] ?? ''} readOnly={readOnly} onCommit={(value) => set({ ...handover, [field]: value })} />
  );
  return (
    <>
      {text('what', t('what'))}
      {roleSelect('from', t('fromRole'), handover.fromRoleId ?? '', details.sourceRoleId, (roleId) => set({ ...handover, fromRoleId: roleId || undefined }))}
      {roleSelect('to', t('toRole'), handover.toRoleId ?? '', details.targetRoleId, (roleId) => set({ ...handover, toRoleId: roleId || undefined }))}
      {text('channel', t('channel'))}
      {text('timeLimit', t('timeLimit'))}
      {text('legalBasis', t('legalBasis'))}
      {roleSelect('r', t('handoverR'), only('responsible'), undefined, (roleId) => setOnly('responsible', roleId))}
      {roleSelect('a', t('handoverA'), only('accountable'), undefined, (roleId) => setOnly('accountable', roleId))}
    </>
  );
}
