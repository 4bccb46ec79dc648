import type { ModdleElement, ParseWarning } from 'bpmn-moddle';
import { childrenOf, detach, is, refOf, removeFrom, walkContained } from './elements';
import type { BpmnWarning } from './warnings';

// A lenient import keeps what resolves and drops what cannot be drawn, the way bpmn-js opens a
// messy file: connections without both ends, and DI shapes/edges pointing at nothing.

const CONNECTION_TYPES = ['bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association', 'bpmn:DataAssociation'];
const END_PROPERTIES = new Set(['sourceRef', 'targetRef', 'bpmn:sourceRef', 'bpmn:targetRef']);
const DI_PROPERTIES = new Set(['bpmnElement', 'bpmndi:bpmnElement']);

export function dropUndrawable(definitions: ModdleElement, unresolved: ParseWarning[]): BpmnWarning[] {
  const warnings: BpmnWarning[] = [];
  const dropped = new Set<ModdleElement>();

  for (const w of unresolved) {
    const element = w.element;
    if (!element) continue;
    const property = w.property ?? '';
    if (DI_PROPERTIES.has(property) && isDiConnectable(element)) continue; // the DI sweep below drops these
    if (END_PROPERTIES.has(property) && CONNECTION_TYPES.some((t) => is(element, t))) {
      if (!dropped.has(element)) {
        dropConnection(element);
        dropped.add(element);
        warnings.push({
          code: 'DROPPED_FLOW',
          elementId: element.id,
          message: `${label(element)} was removed: it points at "${w.value}", which is not in the file.`,
        });
      }
      continue;
    }
    warnings.push({
      code: 'UNRESOLVED_REFERENCE',
      elementId: element.id,
      message: `${label(element)} refers to "${w.value}", which is not in the file; the reference was removed.`,
    });
  }

  warnings.push(...dropConnectionsWithoutEnds(definitions, dropped));

  const missingTargets = new Map(
    unresolved.filter((w) => w.element && isDiConnectable(w.element)).map((w) => [w.element as ModdleElement, w.value ?? '']),
  );
  warnings.push(...dropDanglingDi(definitions, dropped, missingTargets));
  return warnings;
}

// A connection that does not even name a source or a target (the attribute is missing, so the reader
// has nothing to resolve) cannot be drawn either, and bpmn-js would stop at it.
const ENDED_CONNECTION_TYPES = ['bpmn:SequenceFlow', 'bpmn:MessageFlow', 'bpmn:Association'];

function dropConnectionsWithoutEnds(definitions: ModdleElement, dropped: Set<ModdleElement>): BpmnWarning[] {
  const endless: ModdleElement[] = [];
  walkContained(definitions, (element) => {
    if (dropped.has(element) || !ENDED_CONNECTION_TYPES.some((t) => is(element, t))) return;
    if (!refOf(element, 'sourceRef') || !refOf(element, 'targetRef')) endless.push(element);
  });
  return endless.map((connection) => {
    const missing = refOf(connection, 'sourceRef') ? 'target' : 'source';
    dropConnection(connection);
    dropped.add(connection);
    return { code: 'DROPPED_FLOW', elementId: connection.id, message: `${label(connection)} was removed: it has no ${missing}.` };
  });
}

function dropConnection(connection: ModdleElement): void {
  const source = refOf(connection, 'sourceRef');
  const target = refOf(connection, 'targetRef');
  removeFrom(source, 'outgoing', connection);
  removeFrom(target, 'incoming', connection);
  // A gateway or activity whose default flow disappears would otherwise point at nothing.
  if (source && source.get('default') === connection) source.set('default', undefined);
  detach(connection);
}

function dropDanglingDi(
  definitions: ModdleElement,
  dropped: Set<ModdleElement>,
  missingTargets: Map<ModdleElement, string>,
): BpmnWarning[] {
  const warnings: BpmnWarning[] = [];
  for (const diagram of childrenOf(definitions, 'diagrams')) {
    const plane = refOf(diagram, 'plane');
    if (!plane) continue;
    const stale: ModdleElement[] = [];
    walkContained(plane, (element) => {
      if (!isDiConnectable(element)) return;
      const target = refOf(element, 'bpmnElement');
      if (!target || dropped.has(target)) stale.push(element);
    });
    for (const element of stale) {
      detach(element);
      const what = `The diagram ${is(element, 'bpmndi:BPMNEdge') ? 'line' : 'shape'} "${element.id ?? '?'}" was removed`;
      const target = refOf(element, 'bpmnElement');
      const missing = missingTargets.get(element);
      const why = target
        ? `the ${target.$type.replace(/^bpmn:/, '')} it draws was removed too.`
        : missing
          ? `it draws "${missing}", which is not in the file.`
          : 'it does not say which element it draws.';
      warnings.push({ code: 'DROPPED_SHAPE', elementId: element.id, message: `${what}: ${why}` });
    }
  }
  return warnings;
}

function isDiConnectable(element: ModdleElement): boolean {
  return is(element, 'bpmndi:BPMNShape') || is(element, 'bpmndi:BPMNEdge');
}

function label(element: ModdleElement): string {
  const type = element.$type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const name = typeof element.name === 'string' && element.name ? ` "${element.name}"` : '';
  return `The ${type}${name} (${element.id ?? 'without id'})`;
}
