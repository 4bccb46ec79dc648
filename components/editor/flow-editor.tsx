'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  FlowModeler,
  KeyboardEditError,
  type AddHandoverInput,
  type AddStepInput,
  type FlowModelerHandle,
  type KeyboardEditChoices,
  type PoolInfo,
} from '@/components/bpmn/flow-modeler';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import { AddHandoverDialog } from './add-handover-dialog';
import { AddStepDialog } from './add-step-dialog';
import { EditorToolbar, primaryButton, toolbarButton } from './editor-toolbar';
import { ExportButtons } from './export-buttons';
import { RoleLaneDialog } from './role-lane-dialog';
import { SaveStatusBar } from './save-status';
import { getLatestXml } from './save-flow-request';
import { ShortcutsHelp } from './shortcuts-help';
import { StepDetailsPanel, type PanelCatalogue } from './step-details-panel';
import { useFillHeight } from './use-fill-height';
import { useFlowSave } from './use-flow-save';
import { useLeaveGuard } from './use-leave-guard';

type Props = {
  flow: { id: string; name: string };
  xml: string;
  version: number;
  catalogue: FlowRoleCatalogue[];
  /** The step details panel: catalogues with organisation colours, and ?element= to select. */
  details?: { catalogue: PanelCatalogue; initialElementId?: string };
};

/** The editing screen's client island: toolbar, save state, role lanes, and the Modeler. */
export function FlowEditor({ flow, xml, version, catalogue, details }: Props) {
  const t = useTranslations('editor');
  const locale = useLocale();
  const modeler = useRef<FlowModelerHandle>(null);
  const canvasBox = useFillHeight<HTMLDivElement>();
  const messageId = useId();
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [lanePools, setLanePools] = useState<PoolInfo[] | null>(null);
  const [stepChoices, setStepChoices] = useState<KeyboardEditChoices | null>(null);
  const [handoverChoices, setHandoverChoices] = useState<KeyboardEditChoices | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const getXml = useCallback(async () => {
    if (!modeler.current) throw new Error('The diagram is not ready yet.');
    return modeler.current.getXml();
  }, []);
  const { status, save, saveAnyway, markChanged, resetTo, hasUnsaved } = useFlowSave({
    flowId: flow.id,
    initialVersion: version,
    getXml,
  });
  useLeaveGuard(hasUnsaved, t('leaveUnsaved'));

  const saveWithMessage = useCallback(async () => {
    setNotice(null);
    if (await save(message)) setMessage('');
  }, [save, message]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveWithMessage();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [saveWithMessage]);

  async function loadLatest() {
    if (!window.confirm(t('status.confirmLoadLatest'))) return;
    try {
      const latest = await getLatestXml(flow.id);
      await modeler.current?.importXml(latest.xml);
      resetTo(latest.version);
    } catch (e) {
      setNotice(t('status.loadLatestFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  function addLane(participantId: string, role: { id: string; name: string }) {
    setLanePools(null);
    try {
      modeler.current?.addRoleLane(participantId, role);
      setNotice(t('lane.added', { role: role.name }));
    } catch (e) {
      setNotice(t('lane.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  function openKeyboardDialog(open: (choices: KeyboardEditChoices) => void) {
    const choices = modeler.current?.keyboardEditChoices();
    if (!choices) return;
    setDialogError(null);
    open(choices);
  }

  function keyboardEditFailure(e: unknown): string {
    if (e instanceof KeyboardEditError) return t(`keyboardEditRefused.${e.reason}`);
    return t('keyboardEditFailed', { message: e instanceof Error ? e.message : String(e) });
  }

  function addStep(input: AddStepInput) {
    try {
      modeler.current?.addStep(input);
      setStepChoices(null);
      const place = stepChoices?.places.find((p) => p.id === input.placeId);
      const where = place?.laneName !== undefined ? `${place.poolName} – ${place.laneName}` : (place?.poolName ?? '');
      setNotice(t('step.added', { name: input.name.trim() || t('step.unnamed'), place: where }));
    } catch (e) {
      setDialogError(keyboardEditFailure(e));
    }
  }

  function addHandover(input: AddHandoverInput) {
    try {
      modeler.current?.addHandover(input);
      setHandoverChoices(null);
      setNotice(t('handover.added', { name: input.name.trim() || t('step.unnamed') }));
    } catch (e) {
      setDialogError(keyboardEditFailure(e));
    }
  }

  return (
    <div className="flex flex-col">
      <div className="flex flex-col gap-1 border-b border-gray-200 px-4 py-2">
        <div className="flex flex-wrap items-end gap-3">
          <EditorToolbar label={t('toolbarLabel')}>
            <button type="button" className={primaryButton} onClick={() => void saveWithMessage()} disabled={status.kind === 'saving'}>
              {t('save')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => setLanePools(modeler.current?.listPools() ?? [])}>
              {t('addRoleLane')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => openKeyboardDialog(setStepChoices)}>
              {t('addStep')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => openKeyboardDialog(setHandoverChoices)}>
              {t('addHandover')}
            </button>
            <ExportButtons flowName={flow.name} diagram={() => modeler.current} />
            <ShortcutsHelp />
          </EditorToolbar>
          <div className="flex flex-col">
            <label htmlFor={messageId} className="text-xs text-muted">
              {t('messageLabel')}
            </label>
            <input
              id={messageId}
              value={message}
              maxLength={500}
              onChange={(e) => setMessage(e.target.value)}
              className="w-72 rounded border border-gray-400 px-2 py-1 text-sm"
            />
          </div>
        </div>
        <SaveStatusBar
          status={status}
          onSaveAnyway={(head) => void saveAnyway(head, message).then((saved) => saved && setMessage(''))}
          onLoadLatest={() => void loadLatest()}
          extraMessage={notice}
        />
      </div>
      <div ref={canvasBox} className="relative flex">
        <div className="relative min-w-0 flex-1">
        <FlowModeler
          ref={modeler}
          xml={xml}
          locale={locale}
          ariaLabel={t('canvasLabel', { name: flow.name })}
          onChanged={markChanged}
          onError={(m) => setNotice(t('loadFailed', { message: m }))}
        />
        </div>
        {details && <StepDetailsPanel diagram={() => modeler.current} readOnly={false} catalogue={details.catalogue} initialElementId={details.initialElementId} />}
      </div>
      <RoleLaneDialog
        open={lanePools !== null}
        pools={lanePools ?? []}
        catalogue={catalogue}
        onAdd={addLane}
        onClose={() => setLanePools(null)}
      />
      <AddStepDialog choices={stepChoices} error={dialogError} onAdd={addStep} onClose={() => setStepChoices(null)} />
      <AddHandoverDialog choices={handoverChoices} error={dialogError} onAdd={addHandover} onClose={() => setHandoverChoices(null)} />
    </div>
  );
}
