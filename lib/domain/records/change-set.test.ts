import { describe, expect, it } from 'vitest';
import { changeSetOf } from './change-set';
import { applyOps } from './record-state';
import { KOMMUN, REGION, twoPools } from './test-states';

describe('changeSetOf', () => {
  it('lists each changed record once with its kind, raw values, changed fields and whose part it is', () => {
    const before = twoPools();
    const after = applyOps(before, [
      { op: 'patch', id: 'Task_K', fields: { 'a:bpmn:name': 'Nytt namn' } },
      { op: 'put', id: 'Task_New', type: 'bpmn:Task', fields: { '@parent': 'Proc_R', '@prop': 'bpmn:flowElements', 'a:bpmn:name': 'Ny' } },
      { op: 'patch', id: 'Task_K_di', fields: { 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': 1, 'dc:y': 2, 'dc:width': 3, 'dc:height': 4 } } },
    ]);
    const changes = changeSetOf(before, after, KOMMUN);
    expect(changes.map((c) => c.id)).toEqual(['Task_K', 'Task_K_di', 'Task_New']);
    expect(changes[0]).toMatchObject({ kind: 'changed', fields: ['a:bpmn:name'], layout: false, subject: 'Task_K', owner: { kind: 'organisation', organisationId: KOMMUN } });
    expect(changes[0]!.before?.fields['a:bpmn:name']).toBe('Samtal');
    expect(changes[0]!.after?.fields['a:bpmn:name']).toBe('Nytt namn');
    expect(changes[1]).toMatchObject({ kind: 'changed', fields: ['b:di:bounds'], layout: true, subject: 'Task_K', owner: { organisationId: KOMMUN } });
    expect(changes[2]).toMatchObject({ kind: 'added', before: null, owner: { kind: 'organisation', organisationId: REGION } });
  });

  it('reports a removed record from the state it was in, a handover as the border, and nothing for equal states', () => {
    const before = twoPools();
    expect(changeSetOf(before, before, KOMMUN)).toEqual([]);
    const after = applyOps(before, [{ op: 'remove', id: 'Task_R' }, { op: 'patch', id: 'Msg', fields: { 'a:bpmn:name': 'Besked' } }]);
    const changes = changeSetOf(before, after, KOMMUN);
    expect(changes.find((c) => c.id === 'Task_R')).toMatchObject({ kind: 'removed', after: null, owner: { kind: 'organisation', organisationId: REGION } });
    expect(changes.find((c) => c.id === 'Msg')).toMatchObject({ kind: 'changed', owner: { kind: 'border' } });
  });
});
