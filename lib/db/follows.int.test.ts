import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE as unfollowRoute, GET as followingRoute, PUT as followRoute } from '@/app/api/flows/[id]/follow/route';
import type { Actor } from '@/lib/auth/policy';
import { sendForApproval } from '@/lib/approval/send-for-approval';
import { decideApproval } from '@/lib/approval/decide-approval';
import { createApiToken } from './api-tokens';
import { commitChanges } from './flows/commit-changes';
import { createFlowFromBpmn } from './flows/create-flow-from-bpmn';
import { getFlowForActor } from './flows/get-flow';
import { makeOrganisation, makeUser, twoPoolXml, unique } from './flows/flow-test-data';
import { listFollowedUpdates, markFlowSeen } from './follows';

// Notifications of changes to flows I follow (issue 15), against a real database.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
let kommun: Org;
let region: Org;
let creator: Actor & { name: string };
let colleague: Actor & { name: string };
let regionAdmin: Actor & { name: string };
let outsider: Actor & { name: string };

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'));
  region = await makeOrganisation(unique('Region'));
  creator = await makeUser({ [kommun.id]: 'ADMIN' }, 'Kim Skapare');
  colleague = await makeUser({ [kommun.id]: 'EDITOR' }, 'Alva Kollega');
  regionAdmin = await makeUser({ [region.id]: 'ADMIN' }, 'Rut Region');
  outsider = await makeUser({ [(await makeOrganisation(unique('Annan'))).id]: 'ADMIN' });
});

async function newFlow(): Promise<string> {
  return (await createFlowFromBpmn(creator, twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName: 'Planera' }), { name: unique('Följd') })).id;
}

let batch = 0;
async function change(flowId: string, author: Actor): Promise<void> {
  await commitChanges({ flowId, authorId: author.userId, batchId: `follow-test-${Date.now()}-${++batch}`, ops: [], rights: 'system' });
}

function call(handler: typeof followRoute, method: string, flowId: string, token: string): Promise<Response> {
  return handler(new Request(`http://localhost/api/flows/${flowId}/follow`, { method, headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id: flowId }) });
}

describe('following a flow', () => {
  it('the creator follows; their own changes are no news, a colleague\'s are, until the creator opens the flow', async () => {
    const flowId = await newFlow();
    await change(flowId, creator);
    expect((await listFollowedUpdates(creator)).find((u) => u.flowId === flowId)).toBeUndefined();

    await change(flowId, colleague);
    await change(flowId, colleague);
    const news = (await listFollowedUpdates(creator)).find((u) => u.flowId === flowId);
    expect(news).toMatchObject({ changes: 2, authors: ['Alva Kollega'], seenVersion: 1, headVersion: 4, publishedVersion: null, approvalVersion: null });

    await markFlowSeen(creator.userId, flowId);
    expect((await listFollowedUpdates(creator)).find((u) => u.flowId === flowId)).toBeUndefined();
  });

  it('tells of a version sent for approval by someone else, and of its publication', async () => {
    const flowId = await newFlow();
    const token = (await createApiToken(regionAdmin.userId, 'test')).token;
    expect((await call(followRoute, 'PUT', flowId, token)).status).toBe(204);
    const flow = await getFlowForActor(creator, flowId, 'flow.view');
    const approval = await sendForApproval(creator, flow, 1);
    expect((await listFollowedUpdates(regionAdmin)).find((u) => u.flowId === flowId)).toMatchObject({ approvalVersion: 1, changes: 0 });

    await markFlowSeen(regionAdmin.userId, flowId);
    await decideApproval(creator, flow, approval.id, { decision: 'approve' });
    await decideApproval(regionAdmin, flow, approval.id, { decision: 'approve' });
    expect((await listFollowedUpdates(regionAdmin)).find((u) => u.flowId === flowId)).toMatchObject({ publishedVersion: 1, approvalVersion: null });
    // The creator sent it themself: only the publication is news to them.
    expect((await listFollowedUpdates(creator)).find((u) => u.flowId === flowId)).toMatchObject({ publishedVersion: 1, approvalVersion: null });
  });

  it('follow and unfollow through the API; someone outside the flow gets 404 and no news', async () => {
    const flowId = await newFlow();
    const token = (await createApiToken(colleague.userId, 'test')).token;
    const following = async () => ((await (await call(followingRoute, 'GET', flowId, token)).json()) as { following: boolean }).following;
    expect(await following()).toBe(false);
    expect((await call(followRoute, 'PUT', flowId, token)).status).toBe(204);
    expect((await call(followRoute, 'PUT', flowId, token)).status).toBe(204);
    expect(await following()).toBe(true);
    await change(flowId, creator);
    expect((await listFollowedUpdates(colleague)).find((u) => u.flowId === flowId)).toMatchObject({ changes: 1, authors: ['Kim Skapare'] });
    expect((await call(unfollowRoute, 'DELETE', flowId, token)).status).toBe(204);
    expect(await following()).toBe(false);
    expect((await listFollowedUpdates(colleague)).find((u) => u.flowId === flowId)).toBeUndefined();

    const outsiderToken = (await createApiToken(outsider.userId, 'test')).token;
    expect((await call(followRoute, 'PUT', flowId, outsiderToken)).status).toBe(404);
    expect(await listFollowedUpdates(outsider)).toEqual([]);
  });
});
