import { describe, expect, it } from 'vitest';
import { applyOps } from './record-state';
import { checkRights, type PoolRights } from './rights';
import { KOMMUN, REGION, twoPools } from './test-states';
import type { Op } from './types';

const kommunEditor: PoolRights = { ownerOrganisationId: KOMMUN, editableOrganisationIds: new Set([KOMMUN]), ownerAdmin: false };
const regionEditor: PoolRights = { ownerOrganisationId: KOMMUN, editableOrganisationIds: new Set([REGION]), ownerAdmin: false };
const kommunAdmin: PoolRights = { ...kommunEditor, ownerAdmin: true };

function check(ops: Op[], rights: PoolRights) {
  const before = twoPools();
  return checkRights(before, applyOps(before, ops), ops, rights);
}

const rename = (id: string): Op => ({ op: 'patch', id, fields: { 'a:bpmn:name': 'Nytt' } });
const move = (id: string): Op => ({ op: 'patch', id: `${id}_di`, fields: { 'b:di:bounds': { $type: 'dc:Bounds', 'dc:x': 1, 'dc:y': 1, 'dc:width': 1, 'dc:height': 1 } } });
const addTask = (process: string): Op => ({ op: 'put', id: 'New', type: 'bpmn:Task', fields: { '@parent': process, '@prop': 'bpmn:flowElements' } });

describe('pool rights per change', () => {
  it.each([
    ['renaming a task in one’s own pool', [rename('Task_K')], kommunEditor, null],
    ['moving one’s own task', [move('Task_K')], kommunEditor, null],
    ['adding a step to one’s own pool', [addTask('Proc_K')], kommunEditor, null],
    ['renaming the other organisation’s task', [rename('Task_R')], kommunEditor, { reason: 'OTHER_ORGANISATION', elementIds: ['Task_R'] }],
    ['moving the other organisation’s task (named by the element, not its shape)', [move('Task_R')], kommunEditor, { reason: 'OTHER_ORGANISATION', elementIds: ['Task_R'] }],
    ['adding a step to the other organisation’s pool', [addTask('Proc_R')], kommunEditor, { reason: 'OTHER_ORGANISATION', elementIds: ['New'] }],
    ['removing the other organisation’s task', [{ op: 'remove', id: 'Task_R' }, { op: 'remove', id: 'Task_R_di' }], kommunEditor, { reason: 'OTHER_ORGANISATION', elementIds: ['Task_R'] }],
    ['renaming the handover from the receiving side', [rename('Msg')], kommunEditor, null],
    ['renaming the handover from the sending side', [rename('Msg')], regionEditor, null],
    ['relinking a pool to another organisation, as an editor', [{ op: 'patch', id: 'Pool_R', fields: { 'a:stafett:organisationId': KOMMUN } }], regionEditor, { reason: 'FLOW_ADMIN_ONLY', elementIds: ['Pool_R'] }],
    ['removing a pool, as an editor', [{ op: 'remove', id: 'Pool_K' }], kommunEditor, { reason: 'FLOW_ADMIN_ONLY', elementIds: ['Pool_K'] }],
    ['renaming the collaboration (the flow’s settings), as an editor', [rename('Collab')], kommunEditor, { reason: 'FLOW_ADMIN_ONLY', elementIds: ['Collab'] }],
    ['renaming the collaboration as an admin of the owner', [rename('Collab')], kommunAdmin, null],
    ['renaming one’s own pool', [rename('Pool_K')], kommunEditor, null],
  ] as [string, Op[], PoolRights, unknown][])('%s', (_label, ops, rights, expected) => {
    expect(check(ops, rights)).toEqual(expected);
  });

  it('judges a moved element by where it was and where it lands', () => {
    const toOther: Op = { op: 'patch', id: 'Task_K', fields: { '@parent': 'Proc_R' } };
    expect(check([toOther], kommunEditor)).toEqual({ reason: 'OTHER_ORGANISATION', elementIds: ['Task_K'] });
    expect(check([toOther], regionEditor)).toEqual({ reason: 'OTHER_ORGANISATION', elementIds: ['Task_K'] });
  });

  it('lets the owner’s admin add a pool for another organisation with everything in it', () => {
    const ops: Op[] = [
      { op: 'put', id: 'Pool_X', type: 'bpmn:Participant', fields: { '@parent': 'Collab', '@prop': 'bpmn:participants', 'r:bpmn:processRef': 'Proc_X', 'a:stafett:organisationId': 'org-x' } },
      { op: 'put', id: 'Proc_X', type: 'bpmn:Process', fields: { '@parent': '__definitions__', '@prop': 'bpmn:rootElements' } },
      { op: 'put', id: 'Lane_X', type: 'bpmn:Lane', fields: { '@parent': 'Proc_X', '@prop': 'bpmn:laneSets' } },
    ];
    expect(check(ops, kommunAdmin)).toBeNull();
    expect(check(ops, kommunEditor)).toMatchObject({ reason: 'FLOW_ADMIN_ONLY' });
  });
});
