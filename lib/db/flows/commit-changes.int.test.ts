import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import type { Op } from '@/lib/domain/records/types';
import { FLOW_CHANNEL } from '@/lib/realtime/channels';
import { db } from '../client';
import { CHECKPOINT_EVERY, CHECKPOINT_PAUSE_MS, commitChanges } from './commit-changes';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from './flow-test-data';

let orgA: Awaited<ReturnType<typeof makeOrganisation>>;
let orgB: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor & { name: string };

beforeAll(async () => {
  orgA = await makeOrganisation();
  orgB = await makeOrganisation();
  editor = await makeUser({ [orgA.id]: 'EDITOR' });
});

const newFlow = async () => (await createFlowFromBpmn(editor, twoPoolXml({ orgA: orgA.id, orgB: orgB.id, roleA: orgA.roles[0]!.id }))).id;
const rename = (name: string): Op[] => [{ op: 'patch', id: 'Task_A', fields: { 'a:bpmn:name': name } }];
const commit = (flowId: string, ops: Op[], batchId = unique('batch').replace(' ', '-')) =>
  commitChanges({ flowId, authorId: editor.userId, batchId, ops, rights: 'system' });
const revisions = async (flowId: string) =>
  (await db.flowRevision.findMany({ where: { flowId }, orderBy: { version: 'asc' }, select: { version: true, authorId: true } })).map((r) => r.version);

describe('commitChanges', () => {
  it('writes the log, the head, the projection and the version in one commit, and notifies once it is committed', async () => {
    const flowId = await newFlow();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    try {
      const heard = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.payload ?? '')));
      await listener.query(`LISTEN "${FLOW_CHANNEL}"`);
      expect(await commit(flowId, rename('Skicka nu'))).toMatchObject({ version: 2, duplicate: false });
      expect(JSON.parse(await heard)).toEqual({ flowId, version: 2 });
    } finally {
      await listener.end();
    }
    const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { headVersion: true, head: { select: { version: true } } } });
    expect(flow).toEqual({ headVersion: 2, head: { version: 2 } });
    const element = await db.flowHeadElement.findUniqueOrThrow({ where: { flowId_elementId: { flowId, elementId: 'Task_A' } }, select: { record: true } });
    expect(element.record).toMatchObject({ fields: { 'a:bpmn:name': 'Skicka nu' } });
    expect(await db.flowActivity.findUniqueOrThrow({ where: { flowId_elementId: { flowId, elementId: 'Task_A' } }, select: { name: true } })).toEqual({ name: 'Skicka nu' });
    expect(await db.flowChange.count({ where: { flowId } })).toBe(1);
  });

  it('answers a retry of a batch with its first version, and changes nothing', async () => {
    const flowId = await newFlow();
    await commit(flowId, rename('Ett'), 'retried-batch');
    expect(await commit(flowId, rename('Två'), 'retried-batch')).toMatchObject({ version: 2, duplicate: true });
    expect((await db.flow.findUniqueOrThrow({ where: { id: flowId } })).headVersion).toBe(2);
  });

  it('leaves nothing behind when it refuses a change (an element someone removed)', async () => {
    const flowId = await newFlow();
    const error = await commit(flowId, [{ op: 'patch', id: 'Task_gone', fields: { 'a:bpmn:name': 'x' } }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(await db.flowChange.count({ where: { flowId } })).toBe(0);
    expect((await db.flow.findUniqueOrThrow({ where: { id: flowId } })).headVersion).toBe(1);
  });

  it(`takes a checkpoint every ${CHECKPOINT_EVERY} changes`, async () => {
    const flowId = await newFlow();
    for (let i = 0; i < CHECKPOINT_EVERY; i++) await commit(flowId, rename(`Namn ${i}`));
    expect(await revisions(flowId)).toEqual([1, 1 + CHECKPOINT_EVERY]);
  });

  it('takes the state before a change after a pause as a checkpoint, authored by whoever made its last change', async () => {
    const flowId = await newFlow();
    const other = await makeUser({ [orgA.id]: 'EDITOR' });
    await commitChanges({ flowId, authorId: other.userId, batchId: unique('b').replace(' ', '-'), ops: rename('Före pausen'), rights: 'system' });
    await db.flow.update({ where: { id: flowId }, data: { updatedAt: new Date(Date.now() - CHECKPOINT_PAUSE_MS - 60_000) } });
    await commit(flowId, rename('Efter pausen'));
    const checkpoint = await db.flowRevision.findUniqueOrThrow({ where: { flowId_version: { flowId, version: 2 } } });
    expect(checkpoint.authorId).toBe(other.userId);
    expect(checkpoint.bpmnXml).toContain('Före pausen');
    const audit = await db.auditEvent.findMany({ where: { objectType: 'Flow', objectId: flowId, action: 'flow.checkpoint.auto' }, select: { actorId: true, data: true } });
    expect(audit).toEqual([{ actorId: other.userId, data: { version: 2 } }]);
  });
});
