'use client';

import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import stafettDescriptor from '@/lib/bpmn/stafett.json';
import { recordsFromDefinitions } from '@/lib/domain/records/from-definitions';
import type { Element as ModdleElement, ModdleFactory } from '@/lib/domain/records/moddle-shape';
import { stateOf, type RecordState } from '@/lib/domain/records/record-state';
import { definitionsFromRecords } from '@/lib/domain/records/to-definitions';
import type { Op } from '@/lib/domain/records/types';
import type { DiagramExport } from './diagram-handle';
import { fitDiagram, paletteReach } from './fit-diagram';
import canvasControlsModule from './modules/canvas-controls';
import commentBadgesModule, { type CommentBadge, type CommentBadgesService } from './modules/comment-badges';
import everydayPaletteModule from './modules/everyday-palette';
import keyboardEditModule from './modules/keyboard-edit';
import type {
  AddHandoverInput,
  AddStepInput,
  FlowNodeInfo,
  StepPlace,
} from './modules/keyboard-edit/keyboard-edit';
import liveSyncModule from './modules/live-sync';
import type { LiveSyncService, LocalOpsListener } from './modules/live-sync/live-sync';
import poolRightsModule from './modules/pool-rights';
import type { EditorRights, PoolRightsService } from './modules/pool-rights/pool-rights';
import { presenceOverlays, type PresenceMark } from './presence-overlays';
import roleLanesModule from './modules/role-lanes';
import stepDetailsModule from './modules/step-details';
import { stepDetailsBridge, type StepDetailsHandle, type StepDetailsWriter } from './step-details-handle';
import type { PoolInfo } from './modules/role-lanes/role-lanes';
import swedishTranslateModule from './modules/swedish-translate';
import type UiLocale from './modules/swedish-translate/ui-locale';
import wordBreakModule from './modules/word-break';
import './bpmn-css';

export type { AddHandoverInput, AddStepInput, EditorRights, FlowNodeInfo, LocalOpsListener, PoolInfo, PresenceMark, StepPlace };
export { KeyboardEditError, STEP_TYPES, type StepType } from './modules/keyboard-edit/keyboard-edit';

/** What the add-step and add-handover dialogs choose from, read when they open. */
export type KeyboardEditChoices = {
  places: StepPlace[];
  nodes: FlowNodeInfo[];
  /** Per element that can send a message: the ids of elements in other pools that may receive it. */
  handoverTargets: Record<string, string[]>;
};

/** The editor's window on the Modeler: exports, re-import, the role-lane operations and the step details. */
export type FlowModelerHandle = DiagramExport & StepDetailsHandle & StepDetailsWriter & {
  importXml(xml: string): Promise<void>;
  listPools(): PoolInfo[];
  addRoleLane(participantId: string, role: { id: string; name: string }): string;
  keyboardEditChoices(): KeyboardEditChoices;
  /** Adds a step in one undoable command, selects it, and returns its id. Throws KeyboardEditError. */
  addStep(input: AddStepInput): string;
  /** Adds a message flow between two pools in one undoable command. Throws KeyboardEditError. */
  addHandover(input: AddHandoverInput): string;
  /** The diagram as element records now (live co-editing). */
  snapshot(): RecordState | null;
  /** Other people's changes, applied in place; false when they need `resetTo` instead. */
  applyRemote(ops: readonly Op[]): boolean;
  /** A full reset to `state`, keeping the zoom, the scroll and the selection; clears the undo history. */
  resetTo(state: RecordState): Promise<void>;
  /** Takes back the user's last command (one the server would refuse). */
  undoLast(): void;
  clearUndo(): boolean;
  isBusy(): boolean;
  whenIdle(callback: () => void): void;
  mayEdit(elementId: string): boolean;
  showPresence(marks: PresenceMark[]): void;
  /** Open comment threads per element, as badges (components/bpmn/modules/comment-badges). */
  showCommentBadges(badges: readonly CommentBadge[], label?: (count: number) => string): void;
  /** Element records of a BPMN document, read with this Modeler's moddle. */
  recordsOfXml(xml: string): Promise<RecordState>;
};

export type FlowModelerProps = {
  /** The diagram to open; later diagrams come in through `importXml` so the undo history is explicit. */
  xml: string;
  locale: string;
  ariaLabel: string;
  /** Called on every user change (command stack execute, undo, redo); never for an import. */
  onChanged: () => void;
  /** Each user command as element-level ops, with the records before and after it. */
  onLocalOps?: LocalOpsListener;
  /** What this user may change; other organisations' pools are read-only. */
  rights?: EditorRights;
  onSelection?: (elementIds: string[]) => void;
  /** The first diagram is on screen (live sync starts from it). */
  onLoaded?: () => void;
  onError: (message: string) => void;
  ref?: Ref<FlowModelerHandle>;
};

type RoleLanes = {
  listPools(): PoolInfo[];
  addRoleLane(participantId: string, role: { id: string; name: string }): string;
};
type KeyboardEdit = {
  listStepPlaces(): StepPlace[];
  listFlowNodes(): FlowNodeInfo[];
  listHandoverTargets(): Record<string, string[]>;
  addStep(input: AddStepInput): string;
  addHandover(input: AddHandoverInput): string;
};
type Canvas = Parameters<typeof fitDiagram>[0];
type ViewCanvas = { viewbox(box?: { x: number; y: number; width: number; height: number }): { x: number; y: number; width: number; height: number } };
type Selection = { get(): { id: string }[]; select(elements: { id: string }[]): void };
type ModdleReader = { fromXML(xml: string, type: string): Promise<{ rootElement: ModdleElement }> };
type ModdleWriter = { toXML(element: unknown, options: { format: boolean }): Promise<{ xml: string }> };
type EventBus = { on(event: string, callback: (e: { trigger?: string | null }) => void): void };

/** The ONE component that owns a bpmn-js Modeler: created here, destroyed here, changes go out via callbacks. */
export function FlowModeler({ xml, locale, ariaLabel, onChanged, onError, onLocalOps, rights, onSelection, onLoaded, ref }: FlowModelerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Promise<Modeler> | null>(null);
  const readyRef = useRef<Modeler | null>(null);
  // A diagram that failed to open must never be saved: it would replace the flow with what little loaded.
  const loadFailed = useRef(false);
  const callbacks = useRef({ onChanged, onError, onLocalOps, onSelection, onLoaded });
  callbacks.current = { onChanged, onError, onLocalOps, onSelection, onLoaded };
  const rightsRef = useRef(rights);
  rightsRef.current = rights;
  // Read once: re-creating the Modeler (say, on a language switch) would drop unsaved work. The
  // language is switched in place instead (the effect below).
  const initialXml = useRef(xml);
  const initialLocale = useRef(locale);
  const details = useRef(stepDetailsBridge()).current;

  useEffect(() => {
    void modelerRef.current?.then((m) => m.get<UiLocale>('uiLocale').set(locale));
  }, [locale]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let alive = true;
    const created = import('bpmn-js/lib/Modeler').then(({ default: BpmnModeler }) => {
      const modeler = new BpmnModeler({
        container,
        moddleExtensions: { stafett: stafettDescriptor },
        additionalModules: [
          everydayPaletteModule,
          roleLanesModule,
          keyboardEditModule,
          swedishTranslateModule,
          canvasControlsModule,
          wordBreakModule,
          liveSyncModule,
          poolRightsModule,
          stepDetailsModule,
          commentBadgesModule,
        ],
        uiLocale: { locale: initialLocale.current },
      });
      modeler.get<EventBus>('eventBus').on('commandStack.changed', (e) => {
        // An import clears the stack ('clear'); only the user's own edits count as changes.
        if (alive && e.trigger !== 'clear') callbacks.current.onChanged();
      });
      modeler.get<EventBus>('eventBus').on('selection.changed', (e) => {
        const selected = (e as unknown as { newSelection?: { id: string }[] }).newSelection ?? [];
        if (alive) callbacks.current.onSelection?.(selected.map((s) => s.id));
      });
      modeler.get<LiveSyncService>('liveSync').onLocalOps((ops, before, after) => {
        if (alive) callbacks.current.onLocalOps?.(ops, before, after);
      });
      if (rightsRef.current) modeler.get<PoolRightsService>('poolRights').configure(rightsRef.current);
      if (alive) readyRef.current = modeler;
      if (alive) details.attach(modeler);
      return modeler;
    });
    modelerRef.current = created;
    // diagram-js caches the container's size; tell it when the page around it changes the canvas's size.
    const observer = new ResizeObserver(() => readyRef.current?.get<{ resized(): void }>('canvas').resized());
    observer.observe(container);
    created
      .then(async (modeler) => {
        await modeler.importXML(initialXml.current);
        if (!alive) return;
        fitDiagram(modeler.get<Canvas>('canvas'), { left: paletteReach(container) });
        callbacks.current.onLoaded?.();
      })
      .catch((e: unknown) => {
        // A Modeler destroyed mid-import (React's dev double mount) is not a failed load.
        if (!alive) return;
        loadFailed.current = true;
        callbacks.current.onError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      alive = false;
      observer.disconnect();
      modelerRef.current = null;
      readyRef.current = null;
      details.attach(null);
      void created.then((modeler) => modeler.destroy());
    };
  }, []);

  useImperativeHandle(ref, () => {
    const modeler = async () => {
      const m = await modelerRef.current;
      if (!m) throw new Error('The diagram is not ready yet.');
      return m;
    };
    const roleLanes = () => readyRef.current?.get<RoleLanes>('roleLanes');
    const keyboardEdit = () => {
      const service = readyRef.current?.get<KeyboardEdit>('keyboardEdit');
      if (!service) throw new Error('The diagram is not ready yet.');
      return service;
    };
    return {
      ...details.handle,
      async getXml() {
        if (loadFailed.current) throw new Error('The diagram did not open, so it is not saved.');
        const { xml: out } = await (await modeler()).saveXML({ format: true });
        if (!out) throw new Error('bpmn-js returned no XML');
        return out;
      },
      async getSvg() {
        return (await (await modeler()).saveSVG()).svg;
      },
      async importXml(next: string) {
        const m = await modeler();
        loadFailed.current = true;
        await m.importXML(next);
        loadFailed.current = false;
        const container = containerRef.current;
        fitDiagram(m.get<Canvas>('canvas'), { left: container ? paletteReach(container) : 0 });
      },
      listPools: () => roleLanes()?.listPools() ?? [],
      addRoleLane: (participantId, role) => {
        const service = roleLanes();
        if (!service) throw new Error('The diagram is not ready yet.');
        return service.addRoleLane(participantId, role);
      },
      keyboardEditChoices: () => {
        const service = readyRef.current?.get<KeyboardEdit>('keyboardEdit');
        if (!service) return { places: [], nodes: [], handoverTargets: {} };
        return { places: service.listStepPlaces(), nodes: service.listFlowNodes(), handoverTargets: service.listHandoverTargets() };
      },
      addStep: (input) => keyboardEdit().addStep(input),
      addHandover: (input) => keyboardEdit().addHandover(input),
      snapshot: () => (readyRef.current && !loadFailed.current ? readyRef.current.get<LiveSyncService>('liveSync').snapshot() : null),
      applyRemote: (ops) => Boolean(readyRef.current?.get<LiveSyncService>('liveSync').applyInPlace(ops)),
      async resetTo(state) {
        const m = await modeler();
        const canvas = m.get<ViewCanvas>('canvas');
        const viewbox = canvas.viewbox();
        const selection = m.get<Selection>('selection');
        const selected = selection.get().map((e) => e.id);
        const definitions = definitionsFromRecords(m.get<ModdleFactory>('moddle'), state);
        const { xml: next } = await m.get<ModdleWriter>('moddle').toXML(definitions, { format: false });
        loadFailed.current = true;
        await m.importXML(next);
        loadFailed.current = false;
        canvas.viewbox({ x: viewbox.x, y: viewbox.y, width: viewbox.width, height: viewbox.height });
        const registry = m.get<{ get(id: string): unknown }>('elementRegistry');
        selection.select(selected.map((id) => registry.get(id)).filter(Boolean) as { id: string }[]);
      },
      undoLast: () => readyRef.current?.get<{ undo(): void }>('commandStack').undo(),
      clearUndo: () => {
        const stack = readyRef.current?.get<{ canUndo(): boolean; clear(): void }>('commandStack');
        if (!stack?.canUndo()) return false;
        stack.clear();
        return true;
      },
      isBusy: () => Boolean(readyRef.current?.get<LiveSyncService>('liveSync').isBusy()),
      whenIdle: (callback) => {
        const sync = readyRef.current?.get<LiveSyncService>('liveSync');
        if (sync) sync.onIdle(callback);
        else callback();
      },
      mayEdit: (elementId) => readyRef.current?.get<PoolRightsService>('poolRights').mayEdit(elementId) ?? false,
      async recordsOfXml(next) {
        const m = await modeler();
        const { rootElement } = await m.get<ModdleReader>('moddle').fromXML(next, 'bpmn:Definitions');
        return stateOf(recordsFromDefinitions(rootElement));
      },
      showPresence: (marks) => {
        if (readyRef.current) presenceOverlays(readyRef.current, marks);
      },
      showCommentBadges: (badges, label) => {
        void modelerRef.current?.then((m) => m.get<CommentBadgesService>('commentBadges').show(badges, label));
      },
    };
  });

  return <div ref={containerRef} role="application" aria-label={ariaLabel} className="stafett-canvas h-full w-full" />;
}
