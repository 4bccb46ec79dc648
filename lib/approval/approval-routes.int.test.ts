import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getFlow } from '@/app/api/flows/[id]/route';
import { GET as getBpmn } from '@/app/api/flows/[id]/bpmn/route';
import { POST as postApproval } from '@/app/api/flows/[id]/approvals/route';
import { POST as postDecision } from '@/app/api/flows/[id]/approvals/[approvalId]/decisions/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from '@/lib/db/api-tokens';
import { db } from '@/lib/db/client';
import { commitChanges } from '@/lib/db/flows/commit-changes';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from '@/lib/db/flows/flow-test-data';
import { saveDocument } from '@/lib/coediting/save-document';
import { setApprover } from '@/lib/db/memberships';

// Issue 15's approval contract, called as an API client would (Bearer token), against a real database.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
type Who = 'kommunAdmin' | 'kommunEditor' | 'regionAdmin' | 'regionEditor' | 'regionNurse' | 'viewer' | 'stranger';
let kommun: Org;
let region: Org;
let kommunEditor: Actor;
let regionAdmin: Actor;
let regionNurse: Actor;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'));
  region = await makeOrganisation(unique('Region'));
  const stranger = await makeOrganisation(unique('Främling'));
  kommunEditor = await makeUser({ [kommun.id]: 'EDITOR' });
  regionAdmin = await makeUser({ [region.id]: 'ADMIN' });
  regionNurse = await makeUser({ [region.id]: 'VIEWER' });
  const users: Record<Who, Actor> = {
    kommunAdmin: await makeUser({ [kommun.id]: 'ADMIN' }),
    kommunEditor,
    regionAdmin,
    regionNurse,
    regionEditor: await makeUser({ [region.id]: 'EDITOR' }),
    viewer: await makeUser({ [kommun.id]: 'VIEWER', [region.id]: 'VIEWER' }),
    stranger: await makeUser({ [stranger.id]: 'ADMIN' }),
  };
  for (const [who, actor] of Object.entries(users)) tokens[who as Who] = (await createApiToken(actor.userId, 'test')).token;
});

async function newFlow(taskName = 'Skicka'): Promise<string> {
  const xml = twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName });
  return (await createFlowFromBpmn(kommunEditor, xml, { name: unique('Godkännande') })).id;
}

function jsonRequest(path: string, who: Who, body: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function send(flowId: string, who: Who, version: number) {
  const res = await postApproval(jsonRequest(`/api/flows/${flowId}/approvals`, who, { version }), { params: Promise.resolve({ id: flowId }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string; status: string } };
}

async function decide(flowId: string, approvalId: string, who: Who, decision: 'approve' | 'reject', comment?: string) {
  const res = await postDecision(jsonRequest(`/api/flows/${flowId}/approvals/${approvalId}/decisions`, who, { decision, comment }), {
    params: Promise.resolve({ id: flowId, approvalId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { status: string; error?: { reason?: string } } };
}

async function get(handler: typeof getFlow, path: string, flowId: string): Promise<Response> {
  return handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${tokens.viewer}` } }), { params: Promise.resolve({ id: flowId }) });
}

function pick(body: Record<string, unknown>) {
  return { version: body.version, status: body.status, organisations: (body.organisations as { organisationId: string; status: string }[]).map(({ organisationId, status }) => ({ organisationId, status })) };
}

describe('POST /api/flows/:id/approvals', () => {
  it('lets only admins of the owner organisation send a version: 201 in the contract shape', async () => {
    const flowId = await newFlow();
    expect((await send(flowId, 'kommunEditor', 1)).status).toBe(403);
    expect((await send(flowId, 'regionAdmin', 1)).status).toBe(403);
    expect((await send(flowId, 'viewer', 1)).status).toBe(403);
    expect((await send(flowId, 'stranger', 1)).status).toBe(404);
    expect(await db.flowApproval.count({ where: { flowId } })).toBe(0);

    const sent = await send(flowId, 'kommunAdmin', 1);
    expect(sent.status).toBe(201);
    expect(sent.body.id).toEqual(expect.any(String));
    expect(pick(sent.body)).toEqual({
      version: 1,
      status: 'pending',
      organisations: expect.arrayContaining([
        { organisationId: kommun.id, status: 'pending' },
        { organisationId: region.id, status: 'pending' },
      ]),
    });
    expect((sent.body.organisations as unknown[]).length).toBe(2);
    const audit = await db.auditEvent.findFirst({ where: { objectId: flowId, action: 'flow.approval.requested' } });
    expect(audit?.data).toMatchObject({ approvalId: sent.body.id, version: 1 });
  });

  it('refuses a version that does not exist with 400', async () => {
    const flowId = await newFlow();
    const res = await send(flowId, 'kommunAdmin', 9);
    expect(res.status).toBe(400);
  });

  it('takes a revision of a version that has none, so what is approved is a stored document', async () => {
    const flowId = await newFlow();
    // A commit without a checkpoint: version 2 lives only in the change log.
    await commitChanges({ flowId, authorId: kommunEditor.userId, batchId: `test-${unique('b').replace(' ', '-')}`, ops: [], rights: 'system' });
    expect(await db.flowRevision.count({ where: { flowId, version: 2 } })).toBe(0);
    expect((await send(flowId, 'kommunAdmin', 2)).status).toBe(201);
    const revision = await db.flowRevision.findUnique({ where: { flowId_version: { flowId, version: 2 } } });
    expect(revision?.authorId).toBe(kommunEditor.userId);
  });
});

describe('POST /api/flows/:id/approvals/:approvalId/decisions', () => {
  it('lets only approvers of participating organisations decide; publishes when the last approves', async () => {
    const flowId = await newFlow();
    const { body: approval } = await send(flowId, 'kommunAdmin', 1);
    for (const who of ['kommunEditor', 'regionEditor', 'viewer'] as const) {
      expect((await decide(flowId, approval.id, who, 'approve')).status).toBe(403);
    }
    expect((await decide(flowId, approval.id, 'stranger', 'approve')).status).toBe(404);

    const first = await decide(flowId, approval.id, 'kommunAdmin', 'approve', 'Bra');
    expect(first.status).toBe(200);
    expect(pick(first.body)).toEqual({
      version: 1,
      status: 'pending',
      organisations: expect.arrayContaining([
        { organisationId: kommun.id, status: 'approved' },
        { organisationId: region.id, status: 'pending' },
      ]),
    });
    const again = await decide(flowId, approval.id, 'kommunAdmin', 'reject');
    expect(again.status).toBe(409);
    expect(again.body.error?.reason).toBe('ALREADY_DECIDED');
    let flow = (await (await get(getFlow, `/api/flows/${flowId}`, flowId)).json()) as { publishedVersion: number | null; publishedAt: string | null };
    expect(flow.publishedVersion).toBeNull();
    expect(flow.publishedAt).toBeNull();
    expect((await get(getBpmn, `/api/flows/${flowId}/bpmn?published=1`, flowId)).status).toBe(404);

    const last = await decide(flowId, approval.id, 'regionAdmin', 'approve');
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('approved');
    flow = (await (await get(getFlow, `/api/flows/${flowId}`, flowId)).json()) as typeof flow;
    expect(flow.publishedVersion).toBe(1);
    expect(new Date(flow.publishedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const published = await get(getBpmn, `/api/flows/${flowId}/bpmn?published=1`, flowId);
    expect(published.status).toBe(200);
    expect(published.headers.get('etag')).toBe('"1"');

    const late = await decide(flowId, approval.id, 'regionAdmin', 'reject');
    expect(late.status).toBe(409);
    expect(late.body.error?.reason).toBe('APPROVAL_ENDED');
    const actions = (await db.auditEvent.findMany({ where: { objectId: flowId, action: { startsWith: 'flow.' } }, orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['flow.approval.requested', 'flow.approval.approved', 'flow.published']));
    expect(actions.filter((a) => a === 'flow.approval.approved')).toHaveLength(2);
  });

  it('a rejection ends the approval with its comment; the owner sends again and the new one can be approved', async () => {
    const flowId = await newFlow();
    const { body: approval } = await send(flowId, 'kommunAdmin', 1);
    const rejected = await decide(flowId, approval.id, 'regionAdmin', 'reject', 'Tidsgränsen saknas');
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    const orgs = rejected.body.organisations as { organisationId: string; comment: string | null }[];
    expect(orgs.find((o) => o.organisationId === region.id)?.comment).toBe('Tidsgränsen saknas');
    expect((await decide(flowId, approval.id, 'kommunAdmin', 'approve')).status).toBe(409);
    expect(await db.auditEvent.count({ where: { objectId: flowId, action: 'flow.approval.rejected' } })).toBe(1);

    const { status, body: resent } = await send(flowId, 'kommunAdmin', 1);
    expect(status).toBe(201);
    expect((await decide(flowId, resent.id, 'regionAdmin', 'approve')).status).toBe(200);
    expect((await decide(flowId, resent.id, 'kommunAdmin', 'approve')).body.status).toBe('approved');
  });

  it('sending a newer version supersedes the pending one, whose decisions then answer 409', async () => {
    const flowId = await newFlow();
    const { body: old } = await send(flowId, 'kommunAdmin', 1);
    await saveDocument(kommunEditor, flowId, { xml: twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName: 'Skicka nu' }), baseVersion: 1 });
    const { body: newer } = await send(flowId, 'kommunAdmin', 2);
    expect((await db.flowApproval.findUnique({ where: { id: old.id } }))?.status).toBe('SUPERSEDED');
    expect((await decide(flowId, old.id, 'regionAdmin', 'approve')).status).toBe(409);
    expect((await decide(flowId, newer.id, 'regionAdmin', 'approve')).status).toBe(200);
  });

  it('an edit committed during approval is not what gets published', async () => {
    const flowId = await newFlow('Skicka');
    const { body: approval } = await send(flowId, 'kommunAdmin', 1);
    await saveDocument(kommunEditor, flowId, { xml: twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName: 'Ändrad under godkännandet' }), baseVersion: 1 });
    await decide(flowId, approval.id, 'kommunAdmin', 'approve');
    await decide(flowId, approval.id, 'regionAdmin', 'approve');
    const published = await (await get(getBpmn, `/api/flows/${flowId}/bpmn?published=1`, flowId)).text();
    const head = await (await get(getBpmn, `/api/flows/${flowId}/bpmn`, flowId)).text();
    expect(published).toContain('name="Skicka"');
    expect(published).not.toContain('Ändrad under godkännandet');
    expect(head).toContain('Ändrad under godkännandet');
    const flow = (await (await get(getFlow, `/api/flows/${flowId}`, flowId)).json()) as { publishedVersion: number; headVersion: number };
    expect(flow).toMatchObject({ publishedVersion: 1, headVersion: 2 });
  });

  it('a member the admins named approver decides for their organisation until the admins take it back', async () => {
    const flowId = await newFlow();
    const { body: approval } = await send(flowId, 'kommunAdmin', 1);
    expect((await decide(flowId, approval.id, 'regionNurse', 'approve')).status).toBe(403);
    // Only those who manage the organisation's members name approvers.
    await expect(setApprover(kommunEditor, { organisationId: region.id, userId: regionNurse.userId, approver: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setApprover(regionAdmin, { organisationId: region.id, userId: regionNurse.userId, approver: true });
    const decided = await decide(flowId, approval.id, 'regionNurse', 'approve', 'Vi har läst den');
    expect(decided.status).toBe(200);
    const row = await db.flowApprovalOrganisation.findUniqueOrThrow({ where: { approvalId_organisationId: { approvalId: approval.id, organisationId: region.id } } });
    expect(row).toMatchObject({ status: 'APPROVED', decidedById: regionNurse.userId, comment: 'Vi har läst den' });
    expect(await db.auditEvent.count({ where: { organisationId: region.id, action: 'membership.approver.named', data: { path: ['userId'], equals: regionNurse.userId } } })).toBe(1);

    await setApprover(regionAdmin, { organisationId: region.id, userId: regionNurse.userId, approver: false });
    const { body: next } = await send(flowId, 'kommunAdmin', 1);
    expect((await decide(flowId, next.id, 'regionNurse', 'approve')).status).toBe(403);
  });

  it('publishes exactly once when the last two approvals arrive at the same moment', async () => {
    const flowId = await newFlow();
    const { body: approval } = await send(flowId, 'kommunAdmin', 1);
    const results = await Promise.all([decide(flowId, approval.id, 'kommunAdmin', 'approve'), decide(flowId, approval.id, 'regionAdmin', 'approve')]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => r.body.status).sort()).toEqual(['approved', 'pending']);
    const row = await db.flowApproval.findUniqueOrThrow({ where: { id: approval.id }, include: { organisations: true } });
    expect(row.status).toBe('APPROVED');
    expect(row.organisations.every((o) => o.status === 'APPROVED' && o.decidedAt !== null)).toBe(true);
    expect(await db.auditEvent.count({ where: { objectId: flowId, action: 'flow.published' } })).toBe(1);
    const flow = await db.flow.findUniqueOrThrow({ where: { id: flowId } });
    expect(flow.publishedVersion).toBe(1);
    expect(flow.publishedAt?.getTime()).toBe(row.endedAt?.getTime());
  });
});
