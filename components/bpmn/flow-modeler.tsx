'use client';

import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import stafettDescriptor from '@/lib/bpmn/stafett.json';
import type { DiagramExport } from './diagram-handle';
import { fitDiagram, paletteReach } from './fit-diagram';
import everydayPaletteModule from './modules/everyday-palette';
import keyboardEditModule from './modules/keyboard-edit';
import type {
  AddHandoverInput,
  AddStepInput,
  FlowNodeInfo,
  StepPlace,
} from './modules/keyboard-edit/keyboard-edit';
import roleLanesModule from './modules/role-lanes';
import stepDetailsModule from './modules/step-details';
import { stepDetailsBridge, type StepDetailsHandle, type StepDetailsWriter } from './step-details-handle';
import type { PoolInfo } from './modules/role-lanes/role-lanes';
import swedishTranslateModule from './modules/swedish-translate';
import './bpmn-css';

export type { AddHandoverInput, AddStepInput, FlowNodeInfo, PoolInfo, StepPlace };
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
};

export type FlowModelerProps = {
  /** The diagram to open; later diagrams come in through `importXml` so the undo history is explicit. */
  xml: string;
  locale: string;
  ariaLabel: string;
  /** Called on every user change (command stack execute, undo, redo); never for an import. */
  onChanged: () => void;
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
type EventBus = { on(event: string, callback: (e: { trigger?: string | null }) => void): void };

/** The ONE component that owns a bpmn-js Modeler: created here, destroyed here, changes go out via callbacks. */
export function FlowModeler({ xml, locale, ariaLabel, onChanged, onError, ref }: FlowModelerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Promise<Modeler> | null>(null);
  const readyRef = useRef<Modeler | null>(null);
  // A diagram that failed to open must never be saved: it would replace the flow with what little loaded.
  const loadFailed = useRef(false);
  const callbacks = useRef({ onChanged, onError });
  callbacks.current = { onChanged, onError };
  // Both are read once: re-creating the Modeler (say, on a language switch) would drop unsaved work.
  const initialXml = useRef(xml);
  const initialLocale = useRef(locale);
  const details = useRef(stepDetailsBridge()).current;

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
          stepDetailsModule,
          ...(initialLocale.current === 'sv' ? [swedishTranslateModule] : []),
        ],
      });
      modeler.get<EventBus>('eventBus').on('commandStack.changed', (e) => {
        // An import clears the stack ('clear'); only the user's own edits count as changes.
        if (alive && e.trigger !== 'clear') callbacks.current.onChanged();
      });
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
        if (alive) fitDiagram(modeler.get<Canvas>('canvas'), { left: paletteReach(container) });
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
    };
  });

  return <div ref={containerRef} role="application" aria-label={ariaLabel} className="stafett-canvas h-full w-full" />;
}
