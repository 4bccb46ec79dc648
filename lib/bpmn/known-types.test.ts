import { describe, expect, it } from 'vitest';
import { twoPools } from '@/lib/domain/records/test-states';
import { normaliseOps } from './known-types';
import { parseBpmn } from './parse-bpmn';
import { recordStateOf, xmlOfState } from './records';
import { applyOps } from '@/lib/domain/records/record-state';

describe('normaliseOps', () => {
  it('leaves out attributes set to their BPMN default, in puts and patches, and keeps the rest', () => {
    const state = twoPools();
    const ops = normaliseOps(state, [
      { op: 'put', id: 'Start', type: 'bpmn:StartEvent', fields: { '@parent': 'Proc_K', '@prop': 'bpmn:flowElements', 'a:bpmn:isInterrupting': true, 'a:bpmn:name': 'Start' } },
      { op: 'patch', id: 'Start', fields: { 'a:bpmn:parallelMultiple': false } },
      { op: 'patch', id: 'Task_K', fields: { 'a:bpmn:isForCompensation': false, 'a:bpmn:name': 'Samtal', 'a:bpmn:startQuantity': 2 } },
    ]);
    expect(ops).toEqual([
      { op: 'put', id: 'Start', type: 'bpmn:StartEvent', fields: { '@parent': 'Proc_K', '@prop': 'bpmn:flowElements', 'a:bpmn:name': 'Start' } },
      { op: 'patch', id: 'Start', fields: { 'a:bpmn:parallelMultiple': null } },
      { op: 'patch', id: 'Task_K', fields: { 'a:bpmn:isForCompensation': null, 'a:bpmn:name': 'Samtal', 'a:bpmn:startQuantity': 2 } },
    ]);
  });

  it('makes a head that reads back from its own XML as the same records', async () => {
    const state = twoPools();
    const after = applyOps(state, normaliseOps(state, [{ op: 'patch', id: 'Task_K', fields: { 'a:bpmn:isForCompensation': false, 'a:bpmn:startQuantity': 1 } }]));
    const reread = recordStateOf((await parseBpmn(await xmlOfState(after), 'strict')).definitions);
    expect(reread.byId.get('Task_K')).toEqual(after.byId.get('Task_K'));
  });
});
