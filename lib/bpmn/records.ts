import type { ModdleElement } from 'bpmn-moddle';
import { definitionsFromRecords } from '@/lib/domain/records/to-definitions';
import { recordsFromDefinitions } from '@/lib/domain/records/from-definitions';
import type { Element, ModdleFactory } from '@/lib/domain/records/moddle-shape';
import { stateOf, type RecordState } from '@/lib/domain/records/record-state';
import { sharedModdle } from './moddle';
import { toXml } from './serialise';

// The server's bridge between BPMN XML (revisions, imports, PUT) and element records (the head).

export function recordStateOf(definitions: ModdleElement): RecordState {
  return stateOf(recordsFromDefinitions(definitions as unknown as Element));
}

export function definitionsOf(state: RecordState): ModdleElement {
  return definitionsFromRecords(sharedModdle() as unknown as ModdleFactory, state) as unknown as ModdleElement;
}

export async function xmlOfState(state: RecordState): Promise<string> {
  return toXml(definitionsOf(state));
}
