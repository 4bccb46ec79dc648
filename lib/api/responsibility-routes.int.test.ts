import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getChecks } from '@/app/api/flows/[id]/checks/route';
import { GET as getHandovers } from '@/app/api/flows/[id]/handovers/route';
import { GET as getRaci } from '@/app/api/flows/[id]/raci/route';
import { GET as getRoleResponsibilities } from '@/app/api/roles/[id]/responsibilities/route';
import type { Actor } from '@/lib/auth/policy';
import { createApiToken } from '@/lib/db/api-tokens';
import { db } from '@/lib/db/client';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { makeOrganisation, makeUser, twoPoolXml, unique } from '@/lib/db/flows/flow-test-data';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';

// The routes of issue 11's contract, called as an API client would (Bearer token), against a real database.

type Org = Awaited<ReturnType<typeof makeOrganisation>>;
let kommun: Org;
let region: Org;
let other: Org;
let kommunEditor: Actor;
let regionEditor: Actor;
let otherEditor: Actor;
let tokens: Record<'kommun' | 'region' | 'other' | 'stranger', string>;

async function tokenFor(actor: Actor): Promise<string> {
  return (await createApiToken(actor.userId, 'test')).token;
}

beforeAll(async () => {
  kommun = await makeOrganisation(unique('Kommun'), ['Biståndshandläggare', 'Sjuksköterska']);
  region = await makeOrganisation(unique('Region'), ['Läkare', 'Undersköterska']);
  other = await makeOrganisation(unique('Annan'), ['Samordnare']);
  const stranger = await makeOrganisation(unique('Främling'));
  kommunEditor = await makeUser({ [kommun.id]: 'EDITOR' });
  regionEditor = await makeUser({ [region.id]: 'EDITOR' });
  otherEditor = await makeUser({ [other.id]: 'EDITOR' });
  tokens = {
    kommun: await tokenFor(kommunEditor),
    region: await tokenFor(regionEditor),
    other: await tokenFor(otherEditor),
    stranger: await tokenFor(await makeUser({ [stranger.id]: 'ADMIN' })),
  };
});

/** Pool A = orgA with a lane for roleA holding Task_A (plus `entries`), pool B = orgB with Task_B; a message flow A → B. */
function flowXml(orgA: Org, orgB: Org, entries: string, handover = ''): string {
  const base = twoPoolXml({ orgA: orgA.id, orgB: orgB.id, roleA: orgA.roles[0]!.id, taskName: 'Skicka' });
  return base
    .replace('<bpmn:task id="Task_A" name="Skicka" />', `<bpmn:task id="Task_A" name="Skicka"><bpmn:extensionElements>${entries}</bpmn:extensionElements></bpmn:task>`)
    .replace('<bpmn:messageFlow id="Msg_1" name="Överlämning" sourceRef="Task_A" targetRef="Task_B" />', `<bpmn:messageFlow id="Msg_1" name="Överlämning" sourceRef="Task_A" targetRef="Task_B">${handover}</bpmn:messageFlow>`);
}
const resp = (roleId: string, type: string) => `<stafett:responsibility roleId="${roleId}" type="${type}" />`;

async function call(handler: (req: Request, args: { params: Promise<{ id: string }> }) => Promise<Response>, path: string, token: string, id: string) {
  const res = await handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ id }) });
  return res;
}

describe('GET /api/flows/:id/raci, /handovers, /checks', () => {
  it('answers the contract shapes, in flow order, and the CSV exactly (BOM, semicolons, CRLF)', async () => {
    const xml = flowXml(
      kommun,
      region,
      resp(kommun.roles[1]!.id, 'accountable') + resp(region.roles[0]!.id, 'informed'),
      '<bpmn:extensionElements><stafett:handoverDetails what="Remiss" timeLimit="Inom 24 timmar" /></bpmn:extensionElements>',
    );
    const { id } = await createFlowFromBpmn(kommunEditor, xml);

    const raci = await call(getRaci, `/api/flows/${id}/raci`, tokens.region, id);
    expect(raci.status).toBe(200);
    expect(await raci.json()).toEqual({
      activities: [
        { elementId: 'Task_A', name: 'Skicka', organisationId: kommun.id, laneRoleId: kommun.roles[0]!.id, R: [kommun.roles[0]!.id], A: [kommun.roles[1]!.id], C: [], I: [region.roles[0]!.id] },
        { elementId: 'Task_B', name: 'Ta emot', organisationId: region.id, laneRoleId: null, R: [], A: [], C: [], I: [] },
      ],
    });

    const csv = await call(getRaci, `/api/flows/${id}/raci?format=csv`, tokens.kommun, id);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename=".*RACI\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      `\uFEFFAktivitet;Organisation;${kommun.name}: Biståndshandläggare;${kommun.name}: Sjuksköterska;${region.name}: Läkare\r\n` +
        `Skicka;${kommun.name};R;A;I\r\n` +
        `Ta emot;${region.name};;;\r\n`,
    );

    const handovers = await call(getHandovers, `/api/flows/${id}/handovers`, tokens.kommun, id);
    expect(await handovers.json()).toEqual({
      handovers: [
        {
          elementId: 'Msg_1',
          name: 'Överlämning',
          from: { organisationId: kommun.id, roleId: kommun.roles[0]!.id, elementId: 'Task_A' },
          to: { organisationId: region.id, roleId: null, elementId: 'Task_B' },
          what: 'Remiss',
          timeLimit: 'Inom 24 timmar',
        },
      ],
    });

    const checks = await call(getChecks, `/api/flows/${id}/checks`, tokens.kommun, id);
    const { findings } = (await checks.json()) as { findings: { code: string; elementId: string; message: string }[] };
    expect(findings.map((f) => `${f.code} ${f.elementId}`).sort()).toEqual(['ACCOUNTABLE_COUNT Task_B', 'NO_RESPONSIBLE Task_B']);
    for (const f of findings) expect(f.message).toMatch(/Ta emot/);
  });

  it('answers 404 to someone outside the flow, for JSON and CSV alike', async () => {
    const { id } = await createFlowFromBpmn(kommunEditor, flowXml(kommun, region, resp(kommun.roles[1]!.id, 'accountable')));
    for (const path of [`/api/flows/${id}/raci`, `/api/flows/${id}/raci?format=csv`]) {
      expect((await call(getRaci, path, tokens.stranger, id)).status).toBe(404);
    }
    expect((await call(getChecks, `/api/flows/${id}/checks`, tokens.other, id)).status).toBe(404);
  });
});

describe('GET /api/roles/:id/responsibilities', () => {
  it('lists the role across flows of both organisations, only in flows the caller may see, and 404s outside its reach', async () => {
    // A role of its own, so the flows of the other tests do not show up here.
    const role = await db.role.create({ data: { organisationId: kommun.id, name: unique('Granskad roll') } });
    const owned = await createFlowFromBpmn(kommunEditor, flowXml(kommun, region, resp(role.id, 'accountable')), { name: unique('Kommunens flöde') });
    // A flow the region owns, where the kommun role is consulted on the region's task, changed by a second revision.
    const theirs = await createFlowFromBpmn(regionEditor, flowXml(region, kommun, resp(region.roles[1]!.id, 'accountable')), { name: unique('Regionens flöde') });
    await saveRevision(regionEditor, theirs.id, { xml: flowXml(region, kommun, resp(region.roles[1]!.id, 'accountable') + resp(role.id, 'consulted')), baseVersion: 1 });
    // Kommun and the third organisation share a flow the region cannot see.
    const hidden = await createFlowFromBpmn(kommunEditor, flowXml(kommun, other, resp(role.id, 'responsible') + resp(role.id, 'accountable')), { name: unique('Dolt flöde') });

    const asRegion = await call(getRoleResponsibilities, `/api/roles/${role.id}/responsibilities`, tokens.region, role.id);
    expect(asRegion.status).toBe(200);
    const body = (await asRegion.json()) as { role: unknown; items: { flowId: string; elementId: string; letters: string[] }[] };
    expect(body.role).toEqual({ id: role.id, name: role.name, organisationId: kommun.id });
    expect(body.items.map((i) => [i.flowId, i.elementId, i.letters]).sort()).toEqual(
      [
        [owned.id, 'Task_A', ['A']],
        [theirs.id, 'Task_A', ['C']],
      ].sort(),
    );

    const asKommun = (await (await call(getRoleResponsibilities, '', tokens.kommun, role.id)).json()) as { items: { flowId: string; letters: string[]; flowName: string; name: string }[] };
    expect(asKommun.items.map((i) => i.flowId).sort()).toEqual([owned.id, theirs.id, hidden.id].sort());
    expect(asKommun.items.find((i) => i.flowId === hidden.id)).toMatchObject({ letters: ['R', 'A'], name: 'Skicka' });

    const asOther = (await (await call(getRoleResponsibilities, '', tokens.other, role.id)).json()) as { items: { flowId: string }[] };
    expect(asOther.items.map((i) => i.flowId)).toEqual([hidden.id]);

    expect((await call(getRoleResponsibilities, '', tokens.stranger, role.id)).status).toBe(404);
    expect((await call(getRoleResponsibilities, '', tokens.region, 'no-such-role')).status).toBe(404);
  });

  it('orders the flows by name in Swedish order, each flow in flow order with letters in RACI order, and leaves archived flows out', async () => {
    const role = await db.role.create({ data: { organisationId: kommun.id, name: unique('Ordnad roll') } });
    const onTask = resp(role.id, 'informed') + resp(role.id, 'accountable');
    const onHandover = `<bpmn:extensionElements>${resp(role.id, 'consulted')}</bpmn:extensionElements>`;
    const make = (name: string, handover = '') => createFlowFromBpmn(kommunEditor, flowXml(kommun, region, onTask, handover), { name: unique(name) });
    const o = await make('Öppenvård', onHandover);
    const z = await make('Zon');
    const aa = await make('Åtgärd');
    const archived = await make('Arkiverat');
    await db.flow.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

    const { items } = (await (await call(getRoleResponsibilities, '', tokens.kommun, role.id)).json()) as { items: { flowId: string; elementId: string; letters: string[] }[] };
    expect(items.map((i) => [i.flowId, i.elementId, i.letters])).toEqual([
      [z.id, 'Task_A', ['A', 'I']],
      [aa.id, 'Task_A', ['A', 'I']],
      [o.id, 'Task_A', ['A', 'I']],
      [o.id, 'Msg_1', ['C']],
    ]);
  });
});
