import { BpmnModdle, type ModdlePackage } from 'bpmn-moddle';
import stafettDescriptor from './stafett.json';

// bpmn-moddle 10 already bundles the bpmn.io colour packages (`bioc:` and `color:`), so DI colours
// survive a round trip without extra descriptors; we only add our own namespace.
export const stafettExtension = stafettDescriptor as ModdlePackage;

export const STAFETT_URI = stafettDescriptor.uri;

export function createModdle(): BpmnModdle {
  return new BpmnModdle({ stafett: stafettExtension });
}

let shared: BpmnModdle | undefined;

/** One instance for parsing and writing: building the type registry costs ~15 ms, reading is stateless. */
export function sharedModdle(): BpmnModdle {
  shared ??= createModdle();
  return shared;
}
