// The step details of the selected element, read from and written to the BPMN through the stafett
// extension (lib/bpmn/stafett-details.ts). Every write is ONE command on the command stack
// (modeling.updateProperties / updateModdleProperties): one undo takes it back, and whatever syncs or
// saves the command stack sees it like any other edit. Works in the Viewer too (reading and selecting;
// `modeling` is then absent and writes throw).

import type { ModdleElement } from 'bpmn-moddle';
import { is, isModdleElement } from '@/lib/bpmn/elements';
import {
  extensionValuesOf,
  handoverDetailsOf,
  responsibilitiesOf,
  stepDetailsOf,
  valuesWithHandoverDetails,
  valuesWithResponsibilities,
  valuesWithStepDetails,
  type HandoverDetails,
  type Responsibility,
  type StepDetails,
} from '@/lib/bpmn/stafett-details';
import { readFlowModel } from '@/lib/domain/responsibility/flow-model';
import { projectResponsibility } from '@/lib/domain/responsibility/raci';

type Shape = { id: string; type: string; businessObject: ModdleElement; labelTarget?: Shape };
type ElementRegistry = { get(id: string): Shape | undefined };
type Modeling = {
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
  updateModdleProperties(element: Shape, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
};
type Moddle = { create(type: string, attrs?: Record<string, unknown>): ModdleElement };
type Selection = { select(element: Shape | null): void; get(): Shape[] };
type Canvas = { scrollToElement(element: Shape, padding?: number): void; getRootElement(): Shape };
type EventBus = { on(event: string | string[], priority: number, callback: () => void): void };
type Injector = { get<T>(name: string, strict?: boolean): T | undefined };

export type DetailsElementKind = 'activity' | 'handover' | 'other';

/** What the panel shows of one element: plain data, no moddle objects. */
export type ElementDetails = {
  id: string;
  type: string;
  kind: DetailsElementKind;
  name: string;
  documentation: string;
  organisationId?: string;
  laneRoleId?: string;
  responsibilities: Responsibility[];
  step?: StepDetails;
  handover?: HandoverDetails;
  /** Handovers: the default roles of the lanes at either end. */
  sourceRoleId?: string;
  targetRoleId?: string;
};

export type DetailsChange =
  | { field: 'name'; value: string }
  | { field: 'documentation'; value: string }
  | { field: 'responsibilities'; value: Responsibility[] }
  | { field: 'step'; value: StepDetails }
  | { field: 'handover'; value: HandoverDetails };

/** An element the panel's chooser offers: activities in flow order, then handovers. */
export type DetailsChoice = { id: string; kind: 'activity' | 'handover'; name: string };

export type StepDetailsService = {
  selectedId(): string | undefined;
  describe(id: string): ElementDetails | undefined;
  choices(): DetailsChoice[];
  select(id: string): boolean;
  update(id: string, change: DetailsChange): void;
  /** Called after every selection change, model change and import; returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  definitions(): ModdleElement | undefined;
};

export default function StepDetailsModule(
  this: StepDetailsService,
  eventBus: EventBus,
  elementRegistry: ElementRegistry,
  selection: Selection,
  canvas: Canvas,
  moddle: Moddle,
  injector: Injector,
) {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  // Late (priority 250): after findingBadges (500) has rechecked the model, so listeners read fresh findings.
  eventBus.on(['selection.changed', 'elements.changed', 'import.done'], 250, notify);

  const shapeOf = (id: string) => {
    const shape = elementRegistry.get(id);
    return shape?.labelTarget ?? shape;
  };

  this.definitions = () => {
    let bo: ModdleElement | undefined = canvas.getRootElement()?.businessObject;
    while (bo && !is(bo, 'bpmn:Definitions')) bo = bo.$parent;
    return bo;
  };

  this.selectedId = () => {
    const [first] = selection.get();
    return (first?.labelTarget ?? first)?.id;
  };

  this.describe = (id) => {
    const shape = shapeOf(id);
    if (!shape) return undefined;
    return describeElement(shape.businessObject, this.definitions());
  };

  this.choices = () => {
    const definitions = this.definitions();
    if (!definitions) return [];
    const { activities, handovers } = projectResponsibility(definitions);
    return [
      ...activities.map((a) => ({ id: a.elementId, kind: 'activity' as const, name: a.name })),
      ...handovers.map((h) => ({ id: h.elementId, kind: 'handover' as const, name: h.name })),
    ];
  };

  this.select = (id) => {
    const shape = shapeOf(id);
    if (!shape) return false;
    selection.select(shape);
    canvas.scrollToElement(shape, 100);
    return true;
  };

  this.update = (id, change) => {
    const modeling = injector.get<Modeling>('modeling', false);
    const shape = shapeOf(id);
    if (!modeling || !shape) throw new Error('This diagram cannot be changed here.');
    const bo = shape.businessObject;
    if (change.field === 'name') return modeling.updateProperties(shape, { name: change.value.trim() || undefined });
    if (change.field === 'documentation') {
      const text = change.value.trim();
      return modeling.updateProperties(shape, { documentation: text ? [moddle.create('bpmn:Documentation', { text })] : [] });
    }
    const create = (type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs);
    const values = extensionValuesOf(bo);
    const next =
      change.field === 'responsibilities'
        ? valuesWithResponsibilities(values, change.value, create)
        : change.field === 'step'
          ? valuesWithStepDetails(values, change.value, create)
          : valuesWithHandoverDetails(values, change.value, create);
    const extensions = bo.get('extensionElements') as ModdleElement | undefined;
    if (extensions) {
      for (const v of next) v.$parent = extensions;
      modeling.updateModdleProperties(shape, extensions, { values: next });
    } else {
      const created = moddle.create('bpmn:ExtensionElements', { values: next });
      for (const v of next) v.$parent = created;
      modeling.updateProperties(shape, { extensionElements: created });
    }
  };

  this.subscribe = (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

StepDetailsModule.$inject = ['eventBus', 'elementRegistry', 'selection', 'canvas', 'moddle', 'injector'];

function describeElement(bo: ModdleElement, definitions: ModdleElement | undefined): ElementDetails {
  const kind: DetailsElementKind = is(bo, 'bpmn:Activity') ? 'activity' : is(bo, 'bpmn:MessageFlow') ? 'handover' : 'other';
  const docs = bo.get('documentation');
  const documentation = Array.isArray(docs) ? docs.map((d: ModdleElement) => String(d.get('text') ?? '')).join('\n\n') : '';
  const base: ElementDetails = { id: bo.id ?? '', type: bo.$type, kind, name: bo.name ?? '', documentation, responsibilities: [] };
  if (kind === 'other' || !definitions) return base;
  const projection = projectResponsibility(definitions);
  if (kind === 'activity') {
    const a = projection.activities.find((x) => x.elementId === bo.id);
    return {
      ...base,
      responsibilities: responsibilitiesOf(bo),
      step: stepDetailsOf(bo),
      ...(a?.organisationId ? { organisationId: a.organisationId } : {}),
      ...(a?.laneRoleId ? { laneRoleId: a.laneRoleId } : {}),
    };
  }
  const h = projection.handovers.find((x) => x.elementId === bo.id);
  const nodes = readFlowModel(definitions).nodes;
  const laneRoleOf = (end: unknown) => (isModdleElement(end) && end.id ? nodes.get(end.id)?.laneRoleId : undefined);
  const sourceRoleId = laneRoleOf(bo.get('sourceRef'));
  const targetRoleId = laneRoleOf(bo.get('targetRef'));
  return {
    ...base,
    responsibilities: responsibilitiesOf(bo),
    handover: handoverDetailsOf(bo),
    ...(h?.from.organisationId ? { organisationId: h.from.organisationId } : {}),
    ...(sourceRoleId ? { sourceRoleId } : {}),
    ...(targetRoleId ? { targetRoleId } : {}),
  };
}
