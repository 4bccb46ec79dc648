import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getLandscape, POST as postEntry } from '@/app/api/organisations/[id]/landscape/route';
import { DELETE as deleteEntry, PUT as putEntry } from '@/app/api/organisations/[id]/landscape/[entryId]/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from './api-tokens';
import { createFlowFromBpmn } from './flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from './flows/flow-test-data';
import type { Band, LandscapeProcess } from '@/lib/domain/landscape';

// The process landscape's entries, added, changed and removed through the API as an admin's browser does.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
type Who = 'admin' | 'editor' | 'otherAdmin';
let kommun: Org;
let region: Org;
let flowId: string;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'));
  region = await makeOrganisation(unique('Region'));
  const admin: Actor = await makeUser({ [kommun.id]: 'ADMIN' });
  const users: Record<Who, Actor> = { admin, editor: await makeUser({ [kommun.id]: 'EDITOR' }), otherAdmin: await makeUser({ [region.id]: 'ADMIN' }) };
  for (const [who, actor] of Object.entries(users)) tokens[who as Who] = (await createApiToken(actor.userId, 'test')).token;
  flowId = (await createFlowFromBpmn(admin, twoPoolXml({ orgA: kommun.id, orgB: region.id, taskName: 'Planera' }), { name: unique('Hemgång') })).id;
});

function request(method: string, path: string, who: Who, body?: unknown): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const base = (orgId: string) => `/api/organisations/${orgId}/landscape`;

async function add(who: Who, body: unknown, orgId = kommun.id) {
  const res = await postEntry(request('POST', base(orgId), who, body), { params: Promise.resolve({ id: orgId }) });
  return { status: res.status, body: (await res.json()) as { id: string; error?: { reason?: string } } };
}

async function put(who: Who, entryId: string, body: unknown, orgId = kommun.id) {
  const res = await putEntry(request('PUT', `${base(orgId)}/${entryId}`, who, body), { params: Promise.resolve({ id: orgId, entryId }) });
  return { status: res.status, body: (await res.json()) as { id: string; error?: { reason?: string; message?: string } } };
}

async function remove(who: Who, entryId: string, orgId = kommun.id) {
  return (await deleteEntry(request('DELETE', `${base(orgId)}/${entryId}`, who), { params: Promise.resolve({ id: orgId, entryId }) })).status;
}

async function bands(): Promise<Record<Band, LandscapeProcess[]>> {
  const res = await getLandscape(request('GET', base(kommun.id), 'admin'), { params: Promise.resolve({ id: kommun.id }) });
  return ((await res.json()) as { bands: Record<Band, LandscapeProcess[]> }).bands;
}

describe('process landscape entries', () => {
  it('an admin changes an entry and the landscape shows the new text; a support process keeps naming what it serves', async () => {
    const support = await add('admin', { name: 'IT-stöd', category: 'SUPPORT', processOwner: 'IT-chef', serves: [flowId] });
    expect(support.status).toBe(201);
    const changed = await put('admin', support.body.id, { name: 'IT och telefoni', category: 'SUPPORT', processOwner: 'Digitaliseringschef', serves: [flowId] });
    expect(changed).toMatchObject({ status: 200, body: { id: support.body.id } });
    const card = (await bands()).SUPPORT.find((p) => p.id === support.body.id);
    expect(card).toMatchObject({ name: 'IT och telefoni', owner: 'Digitaliseringschef', serves: [{ id: flowId }] });
  });

  it('a flow is described once: a second description is refused and names the first', async () => {
    const first = await add('admin', { name: 'Hemgång', category: 'CORE', flowId, valueDelivered: 'Hem i tid' });
    expect(first.status).toBe(201);
    const second = await add('admin', { name: 'Hemgång igen', category: 'CORE', flowId });
    expect(second).toMatchObject({ status: 409, body: { error: { reason: 'ALREADY_DESCRIBED', entryId: first.body.id } } });
    // Changing the first entry itself is no second description.
    expect((await put('admin', first.body.id, { name: 'Hemgång', category: 'CORE', flowId, valueDelivered: 'Färre dagar på sjukhus' })).status).toBe(200);
    expect((await bands()).CORE.find((p) => p.id === flowId)).toMatchObject({ valueDelivered: 'Färre dagar på sjukhus', entry: { id: first.body.id } });

    // Removing the description leaves the flow in the landscape as the flow itself says.
    expect(await remove('admin', first.body.id)).toBe(204);
    expect((await bands()).CORE.find((p) => p.id === flowId)).toMatchObject({ valueDelivered: '', entry: null });
  });

  it('removing a core process takes it out of what support processes serve', async () => {
    const core = await add('admin', { name: 'Boendestöd', category: 'CORE' });
    const support = await add('admin', { name: 'Ekonomi', category: 'SUPPORT', serves: [core.body.id, flowId] });
    expect(await remove('admin', core.body.id)).toBe(204);
    const after = await bands();
    expect(after.CORE.some((p) => p.id === core.body.id)).toBe(false);
    expect(after.SUPPORT.find((p) => p.id === support.body.id)?.entry?.serves).toEqual([flowId]);
  });

  it('only the organisation\'s admins change or remove, and an entry of another organisation is not found; a bad entry loses nothing', async () => {
    const entry = await add('admin', { name: 'Verksamhetsplanering', category: 'MANAGEMENT' });
    expect((await put('editor', entry.body.id, { name: 'X', category: 'MANAGEMENT' })).status).toBe(403);
    expect(await remove('editor', entry.body.id)).toBe(403);
    // The region's admin, addressing the entry through their own organisation: not theirs, so 404.
    expect((await put('otherAdmin', entry.body.id, { name: 'X', category: 'MANAGEMENT' }, region.id)).status).toBe(404);
    expect(await remove('otherAdmin', entry.body.id, region.id)).toBe(404);
    expect(await remove('admin', 'no-such-entry')).toBe(404);
    const bad = await put('admin', entry.body.id, { name: '', category: 'NOPE' });
    expect(bad.status).toBe(400);
    expect((await bands()).MANAGEMENT.find((p) => p.id === entry.body.id)).toMatchObject({ name: 'Verksamhetsplanering' });
  });
});
