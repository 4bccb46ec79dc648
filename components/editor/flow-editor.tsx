'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  FlowModeler,
  KeyboardEditError,
  type AddHandoverInput,
  type AddStepInput,
  type EditorRights,
  type FlowModelerHandle,
  type KeyboardEditChoices,
  type PoolInfo,
} from '@/components/bpmn/flow-modeler';
import { CommentsPanel, type CommentsContext } from '@/components/comments/comments-panel';
import { describeRecord } from '@/lib/domain/records/describe';
import type { FlowRoleCatalogue } from '@/lib/db/flows/flow-roles';
import { AddHandoverDialog } from './add-handover-dialog';
import { AddStepDialog } from './add-step-dialog';
import { EditorToolbar, primaryButton, toolbarButton, ToolbarOverflow } from './editor-toolbar';
import { ExportButtons } from './export-buttons';
import { LiveStatusBar } from './live-status';
import { postCheckpoint } from './live-sync-transport';
import { PresenceList } from './presence-list';
import { RoleLaneDialog } from './role-lane-dialog';
import { ShortcutsHelp } from './shortcuts-help';
import { StepDetailsPanel, type PanelCatalogue } from './step-details-panel';
import { useFillHeight } from './use-fill-height';
import { useLeaveGuard } from './use-leave-guard';
import { useLiveSync } from './use-live-sync';

type Notice = (t: ReturnType<typeof useTranslations<'editor'>>) => string;

type Props = {
  flow: { id: string; name: string };
  xml: string;
  version: number;
  catalogue: FlowRoleCatalogue[];
  userId: string;
  rights: EditorRights;
  /** The step details panel: catalogues with organisation colours, and ?element= to select. */
  details?: { catalogue: PanelCatalogue; initialElementId?: string };
  /** The comments panel below the canvas (issue 14). */
  comments?: CommentsContext;
};

/** The editing screen's client island: toolbar, live sync, presence, step details, role lanes, and the Modeler. */
export function FlowEditor({ flow, xml, version, catalogue, userId, rights, details, comments }: Props) {
  const t = useTranslations('editor');
  const tTypes = useTranslations('editor.step.types');
  const locale = useLocale();
  const modeler = useRef<FlowModelerHandle>(null);
  const canvasBox = useFillHeight<HTMLDivElement>();
  const messageId = useId();
  const [message, setMessage] = useState('');
  const [naming, setNaming] = useState(false);
  // A notice is kept as words to say, not as said words, so a language switch re-says it in the new language.
  const [notice, setNoticeState] = useState<Notice | null>(null);
  const setNotice = useCallback((next: Notice | null) => setNoticeState(() => next), []);
  const [moreOpen, setMoreOpen] = useState(false);
  const [lanePools, setLanePools] = useState<PoolInfo[] | null>(null);
  const [stepChoices, setStepChoices] = useState<KeyboardEditChoices | null>(null);
  const [handoverChoices, setHandoverChoices] = useState<KeyboardEditChoices | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const recordsOfXml = useCallback(async (next: string) => {
    const state = await modeler.current?.recordsOfXml(next);
    if (!state) throw new Error('The diagram is not ready yet.');
    return state;
  }, []);
  const commentsDiagram = useCallback(() => modeler.current, []);
  const mayEditElement = useCallback((id: string) => modeler.current?.mayEdit(id) ?? false, []);
  const live = useLiveSync({ flowId: flow.id, userId, initialVersion: version, modeler, rights, recordsOfXml });
  useLeaveGuard(live.hasPending, t('leaveUnsaved'));

  const describe = useCallback(
    (elementId: string) => {
      const state = modeler.current?.snapshot();
      return state ? describeRecord(state, elementId, (key) => tTypes(key)) : elementId;
    },
    [tTypes],
  );

  const nameVersion = useCallback(async () => {
    const name = message.trim();
    if (!name) return;
    setNaming(true);
    setNotice(null);
    try {
      await live.flush();
      const outcome = await postCheckpoint(flow.id, name);
      if ('version' in outcome) {
        setNotice((tr) => tr('versionNamed', { name, version: outcome.version }));
        setMessage('');
      } else setNotice((tr) => tr('nameVersionFailed', { message: outcome.error }));
    } finally {
      setNaming(false);
    }
  }, [flow.id, live, message, setNotice]);

  useEffect(() => {
    // Ctrl/Cmd+S, from habit: everything is saved already; say so instead of the browser's "save page".
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void live.flush().then(() => setNotice((tr) => tr('live.allSaved')));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [live, setNotice]);

  function addLane(participantId: string, role: { id: string; name: string }) {
    setLanePools(null);
    try {
      modeler.current?.addRoleLane(participantId, role);
      setNotice((tr) => tr('lane.added', { role: role.name }));
    } catch (e) {
      setNotice((tr) => tr('lane.failed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  /** The keyboard dialogs offer only what the user may change: their own pools come first and alone. */
  function openKeyboardDialog(open: (choices: KeyboardEditChoices) => void) {
    const m = modeler.current;
    const choices = m?.keyboardEditChoices();
    if (!m || !choices) return;
    const mine = (id: string) => m.mayEdit(id);
    const handoverTargets: Record<string, string[]> = {};
    for (const [source, targets] of Object.entries(choices.handoverTargets)) {
      const allowed = mine(source) ? targets : targets.filter(mine);
      if (allowed.length) handoverTargets[source] = allowed;
    }
    setDialogError(null);
    open({
      places: choices.places.filter((p) => mine(p.poolId)),
      nodes: choices.nodes.filter((n) => mine(n.id) || handoverTargets[n.id] !== undefined || Object.values(handoverTargets).some((ts) => ts.includes(n.id))),
      handoverTargets,
    });
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
      setNotice((tr) => tr('step.added', { name: input.name.trim() || tr('step.unnamed'), place: where }));
    } catch (e) {
      setDialogError(keyboardEditFailure(e));
    }
  }

  function addHandover(input: AddHandoverInput) {
    try {
      modeler.current?.addHandover(input);
      setHandoverChoices(null);
      setNotice((tr) => tr('handover.added', { name: input.name.trim() || tr('step.unnamed') }));
    } catch (e) {
      setDialogError(keyboardEditFailure(e));
    }
  }

  return (
    <div className="flex flex-col">
      <div className="flex flex-col gap-1 border-b border-gray-200 px-4 py-1.5">
        <EditorToolbar label={t('toolbarLabel')}>
          <ToolbarOverflow label={t('moreActions')} open={moreOpen} onToggle={() => setMoreOpen((v) => !v)}>
            <button type="button" className={toolbarButton} onClick={() => openKeyboardDialog(setStepChoices)}>
              {t('addStep')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => openKeyboardDialog(setHandoverChoices)}>
              {t('addHandover')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => setLanePools(modeler.current?.listPools().filter((p) => modeler.current?.mayEdit(p.id)) ?? [])}>
              {t('addRoleLane')}
            </button>
            <ExportButtons flowName={flow.name} diagram={() => modeler.current} />
            <ShortcutsHelp />
          </ToolbarOverflow>
        </EditorToolbar>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <form
            className={`${moreOpen ? 'flex' : 'hidden'} items-center gap-2 sm:flex`}
            onSubmit={(e) => {
              e.preventDefault();
              void nameVersion();
            }}
          >
            <label htmlFor={messageId} className="text-sm text-muted">
              {t('versionNameLabel')}
            </label>
            <input
              id={messageId}
              value={message}
              maxLength={500}
              onChange={(e) => setMessage(e.target.value)}
              className="w-56 rounded border border-gray-400 px-2 py-0.5 text-sm"
            />
            <button type="submit" className={primaryButton} disabled={naming || !message.trim()}>
              {t('nameVersion')}
            </button>
          </form>
          <PresenceList people={live.people} />
        </div>
        <LiveStatusBar
          status={live.status}
          notices={live.notices}
          describe={describe}
          onPutBack={live.putBack}
          onDismiss={live.dismiss}
          extraMessage={notice?.(t) ?? null}
        />
      </div>
      {/* Side by side on wide screens; below the canvas elsewhere, so the canvas keeps the screen. */}
      <div className="flex flex-col min-[1440px]:flex-row">
        <div ref={canvasBox} className="relative min-w-0 min-[1440px]:flex-1">
        <FlowModeler
          ref={modeler}
          xml={xml}
          locale={locale}
          ariaLabel={t('canvasLabel', { name: flow.name })}
          rights={rights}
          onChanged={() => undefined}
          onLoaded={live.start}
          onLocalOps={live.onLocalOps}
          onSelection={live.onSelection}
          onError={(m) => setNotice((tr) => tr('loadFailed', { message: m }))}
        />
        </div>
        {details && <StepDetailsPanel diagram={() => modeler.current} readOnly={false} mayEdit={(id) => modeler.current?.mayEdit(id) ?? false} catalogue={details.catalogue} initialElementId={details.initialElementId} />}
      </div>
      {comments && <CommentsPanel flowId={flow.id} diagram={commentsDiagram} mayEdit={mayEditElement} context={comments} />}
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
