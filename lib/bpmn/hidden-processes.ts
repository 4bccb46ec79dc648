import type { ModdleElement } from 'bpmn-moddle';
import { childrenOf, is, refOf, stringOf } from './elements';
import type { BpmnWarning } from './warnings';

/**
 * Processes with steps that the opened diagram cannot show. On a collaboration's diagram bpmn-js draws
 * the pools' processes, plus a process no pool refers to only when it has lanes (its
 * handleUnhandledProcesses, kept for MIWG's free-floating lanes). Any other process (some tools write
 * one, e.g. MIWG B.1.0, or draw it in a second diagram, which Stafett does not open) stays in the file
 * but never appears on the canvas: the import says so instead of hiding it silently.
 */
export function findHiddenProcesses(definitions: ModdleElement): BpmnWarning[] {
  const plane = childrenOf(definitions, 'diagrams').map((d) => refOf(d, 'plane'))[0];
  const shown = plane && refOf(plane, 'bpmnElement');
  if (!shown || !is(shown, 'bpmn:Collaboration')) return [];
  const inPools = new Set(childrenOf(shown, 'participants').map((p) => refOf(p, 'processRef')));
  return childrenOf(definitions, 'rootElements')
    .filter((e) => is(e, 'bpmn:Process') && !inPools.has(e) && childrenOf(e, 'laneSets').length === 0)
    .filter((process) => childrenOf(process, 'flowElements').length > 0)
    .map((process) => {
      const id = stringOf(process, 'id') ?? '';
      const name = stringOf(process, 'name');
      const steps = childrenOf(process, 'flowElements').length;
      return {
        code: 'HIDDEN_PROCESS' as const,
        elementId: id,
        message: `The process "${name ?? id}" is in no pool of the diagram Stafett shows: its ${steps} elements are kept in the file but not drawn.`,
      };
    });
}
