import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequest, APIRequestContext } from '@playwright/test';
import { createModdle } from '../lib/bpmn/moddle';
import { describeCollaboration, describeShapes, listElementIds } from '../lib/domain/collaboration';
import { expect, storageStateFor, test, type DemoUser } from './fixtures';

// The flow API from outside, as a script or the editor calls it: cookies of the demo users (saved by
// auth.setup.ts). Each test creates its own flows with unique names.

test.use({ axeScan: false, storageState: storageStateFor('kommun.editor') });

type Orgs = { kommun: string; region: string; kommunRole: string; regionRole: string };

async function as(playwright: { request: APIRequest }, baseURL: string | undefined, user?: DemoUser) {
  return playwright.request.newContext({ baseURL, storageState: user ? storageStateFor(user) : { cookies: [], origins: [] } });
}

/** Ids of Kommunen and Regionen and one role in each, read as the viewer (a member of both). */
async function demoOrganisations(viewer: APIRequestContext): Promise<Orgs> {
  const response = await viewer.get('/api/organisations');
  expect(response.status(), 'the viewer’s saved session (run the setup project)').toBe(200);
  const { organisations } = await response.json();
  const idOf = (name: string) => organisations.find((o: { name: string }) => o.name === name).id as string;
  const firstRole = async (orgId: string) => (await (await viewer.get(`/api/organisations/${orgId}`)).json()).organisation.roles[0].id as string;
  const [kommun, region] = [idOf('Kommunen'), idOf('Regionen')];
  return { kommun, region, kommunRole: await firstRole(kommun), regionRole: await firstRole(region) };
}

function flowName(): string {
  return `API-flöde ${randomUUID().slice(0, 8)}`;
}

async function createShared(request: APIRequestContext, orgs: Orgs, organisations = [orgs.kommun, orgs.region]) {
  const response = await request.post('/api/flows', {
    data: {
      name: flowName(),
      category: 'CORE',
      organisations,
      roles: { [orgs.kommun]: [orgs.kommunRole], ...(organisations.includes(orgs.region) ? { [orgs.region]: [orgs.regionRole] } : {}) },
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

test.describe('flow API', () => {
  let orgs: Orgs;

  test.beforeAll(async ({ playwright, baseURL }) => {
    const viewer = await as(playwright, baseURL, 'viewer');
    orgs = await demoOrganisations(viewer);
    await viewer.dispose();
  });

  test('answers 401 JSON without a session or token, never a redirect', async ({ playwright, baseURL }) => {
    const anonymous = await as(playwright, baseURL);
    for (const [method, url] of [
      ['POST', '/api/flows'],
      ['GET', '/api/flows/some-id'],
      ['GET', '/api/flows/some-id/bpmn'],
      ['PUT', '/api/flows/some-id/bpmn'],
    ] as const) {
      const response = await anonymous.fetch(url, { method, maxRedirects: 0, headers: { 'content-type': 'application/json' }, data: '{}' });
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
    }
    await anonymous.dispose();
  });

  test('creates a shared flow: 201 with Location, metadata, and the XML with its ETag', async ({ request }) => {
    const created = await createShared(request, orgs);
    expect(created.version).toBe(1);

    const metaResponse = await request.get(`/api/flows/${created.id}`);
    expect(metaResponse.status()).toBe(200);
    const meta = await metaResponse.json();
    expect(meta).toMatchObject({ id: created.id, headVersion: 1, owner: { id: orgs.kommun }, can: { edit: true, administer: false } });
    expect(meta.organisations.map((o: { id: string }) => o.id)).toEqual([orgs.kommun, orgs.region]);

    const bpmn = await request.get(`/api/flows/${created.id}/bpmn`);
    expect(bpmn.status()).toBe(200);
    expect(bpmn.headers()['content-type']).toBe('application/xml; charset=utf-8');
    expect(bpmn.headers()['etag']).toBe('"1"');
    expect(bpmn.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(await bpmn.text()).toContain(`stafett:organisationId="${orgs.region}"`);
  });

  test('Location of a new flow points at its metadata', async ({ request }) => {
    const response = await request.post('/api/flows', {
      data: { name: flowName(), category: 'SUPPORT', organisations: [orgs.kommun], roles: {} },
    });
    expect(response.status()).toBe(201);
    const { id } = await response.json();
    expect(response.headers()['location']).toBe(`/api/flows/${id}`);
    expect((await (await request.get(response.headers()['location']!)).json()).category).toBe('SUPPORT');
  });

  test('saves with If-Match: 428 without, 200 with the new ETag, 409 when a stale document changed the same thing', async ({ request }) => {
    const { id } = await createShared(request, orgs);
    const xml = await (await request.get(`/api/flows/${id}/bpmn`)).text();
    const changed = xml.replace(/(<bpmn:startEvent id="StartEvent_1")/, '$1 name="Inskrivning"');
    const put = (ifMatch: string | undefined, body = changed, extra: Record<string, string> = {}) =>
      request.put(`/api/flows/${id}/bpmn`, {
        headers: { 'content-type': 'application/xml', ...(ifMatch ? { 'if-match': ifMatch } : {}), ...extra },
        data: body,
      });

    const missing = await put(undefined);
    expect(missing.status()).toBe(428);
    expect((await missing.json()).error.code).toBe('PRECONDITION_REQUIRED');

    const saved = await put('"1"', changed, { 'x-revision-message': encodeURIComponent('Startnamn på svenska') });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toEqual({ version: 2 });
    expect(saved.headers()['etag']).toBe('"2"');

    // From version 1 again, the same start event named otherwise: both sides changed it (409, named).
    const stale = await put('1', xml.replace(/(<bpmn:startEvent id="StartEvent_1")/, '$1 name="Annat namn"'));
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'CONFLICT', reason: 'CONFLICT', elementIds: ['StartEvent_1'], headVersion: 2 });

    expect((await put('W/"2"')).status()).toBe(200);
    const history = await (await request.get(`/api/flows/${id}/revisions`)).json();
    expect(history.revisions.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    expect(history.revisions[1].message).toBe('Startnamn på svenska');
    expect((await request.get(`/api/flows/${id}/bpmn?version=2`)).headers()['etag']).toBe('"2"');
  });

  test('refuses bad bodies: 400 invalid XML (nothing stored), 415 wrong type, 413 too big', async ({ request }) => {
    const { id } = await createShared(request, orgs, [orgs.kommun]);
    const invalid = await request.put(`/api/flows/${id}/bpmn`, {
      headers: { 'content-type': 'application/xml', 'if-match': '"1"' },
      data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error.code).toBe('INVALID');
    expect((await (await request.get(`/api/flows/${id}`)).json()).headVersion).toBe(1);

    const text = await request.put(`/api/flows/${id}/bpmn`, { headers: { 'content-type': 'text/plain', 'if-match': '"1"' }, data: 'hej' });
    expect(text.status()).toBe(415);
    const form = await request.post('/api/flows', { headers: { 'content-type': 'text/plain' }, data: 'hej' });
    expect(form.status()).toBe(415);

    const huge = `<?xml version="1.0"?><!--${'x'.repeat(5 * 1024 * 1024 + 1)}-->`;
    const tooBig = await request.post('/api/flows', { headers: { 'content-type': 'application/xml' }, data: huge });
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('imports a BPMN file and offers it for download under a safe name', async ({ request }) => {
    const source = await createShared(request, orgs, [orgs.kommun]);
    const xml = await (await request.get(`/api/flows/${source.id}/bpmn`)).text();
    const name = `Import "åäö" <${randomUUID().slice(0, 6)}>`;
    const imported = await request.post(`/api/flows?name=${encodeURIComponent(name)}`, {
      headers: { 'content-type': 'application/xml' },
      data: xml,
    });
    expect(imported.status()).toBe(201);
    const body = await imported.json();
    expect(body).toMatchObject({ version: 1, warnings: [] });
    expect(imported.headers()['location']).toBe(`/api/flows/${body.id}`);

    const download = await request.get(`/api/flows/${body.id}/bpmn?download=1`);
    const disposition = download.headers()['content-disposition']!;
    expect(disposition).toMatch(/^attachment; filename="Import-aao-[A-Za-z0-9-]+-v1\.bpmn"; filename\*=UTF-8''/);
    expect(disposition).not.toMatch(/[<>]/);
  });

  test('keeps flows private to their organisations (404) and read-only for viewers (403)', async ({ request, playwright, baseURL }) => {
    const kommunOnly = await createShared(request, orgs, [orgs.kommun]);
    const regionEditor = await as(playwright, baseURL, 'region.editor');
    for (const path of ['', '/bpmn', '/revisions', '/svg']) {
      const response = await regionEditor.get(`/api/flows/${kommunOnly.id}${path}`);
      expect(response.status(), path).toBe(404);
    }
    await regionEditor.dispose();

    const viewer = await as(playwright, baseURL, 'viewer');
    expect((await viewer.get(`/api/flows/${kommunOnly.id}/bpmn`)).status()).toBe(200);
    const save = await viewer.put(`/api/flows/${kommunOnly.id}/bpmn`, {
      headers: { 'content-type': 'application/xml', 'if-match': '"1"' },
      data: await (await request.get(`/api/flows/${kommunOnly.id}/bpmn`)).text(),
    });
    expect(save.status()).toBe(403);
    await viewer.dispose();
  });

  test('serves the diagram as SVG that cannot run script, and a diff between versions', async ({ request }) => {
    const { id } = await createShared(request, orgs);
    const svg = await request.get(`/api/flows/${id}/svg`);
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(svg.headers()['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(svg.headers()['x-content-type-options']).toBe('nosniff');
    expect(await svg.text()).toContain('<svg');

    const xml = await (await request.get(`/api/flows/${id}/bpmn`)).text();
    const renamed = xml.replace(/(<bpmn:startEvent id="StartEvent_1")/, '$1 name="Ny start"');
    await request.put(`/api/flows/${id}/bpmn`, { headers: { 'content-type': 'application/xml', 'if-match': '"1"' }, data: renamed });
    const diff = await request.get(`/api/flows/${id}/diff?from=1&to=2`);
    expect(diff.status()).toBe(200);
    const changes = await diff.json();
    expect(changes).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect(changes.changed.map((c: { id: string }) => c.id)).toContain('StartEvent_1');
    expect((await request.get(`/api/flows/${id}/diff?from=1`)).status()).toBe(400);
    expect((await request.get(`/api/flows/${id}/diff?from=1&to=9`)).status()).toBe(404);
  });

  test('restores an old version as a new one and maps an imported pool to an organisation', async ({ request }) => {
    const { id } = await createShared(request, orgs, [orgs.kommun]);
    const v1 = await (await request.get(`/api/flows/${id}/bpmn`)).text();
    const v2 = v1.replace(/(<bpmn:startEvent id="StartEvent_1")/, '$1 name="Tillfälligt"');
    expect((await request.put(`/api/flows/${id}/bpmn`, { headers: { 'content-type': 'application/xml', 'if-match': '"1"' }, data: v2 })).status()).toBe(200);

    const stale = await request.post(`/api/flows/${id}/restore`, { data: { version: 1, baseVersion: 1 } });
    expect(stale.status()).toBe(409);
    const restored = await request.post(`/api/flows/${id}/restore`, { data: { version: 1, baseVersion: 2 } });
    expect(restored.status()).toBe(200);
    expect(await restored.json()).toEqual({ version: 3 });
    expect(await (await request.get(`/api/flows/${id}/bpmn`)).text()).toBe(v1);
    const history = await (await request.get(`/api/flows/${id}/revisions`)).json();
    expect(history.revisions[0]).toMatchObject({ version: 3, message: 'Återställd från version 1' });

    // A file from elsewhere: its pool is linked to nothing we know until it is mapped.
    const foreign = v1.replace(/stafett:organisationId="[^"]+"/, 'stafett:organisationId="some-other-system"');
    const imported = await request.post('/api/flows', { headers: { 'content-type': 'application/xml' }, data: foreign });
    const body = await imported.json();
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('UNKNOWN_ORGANISATION');
    const mapped = await request.put(`/api/flows/${body.id}/mapping`, {
      data: { participants: { Participant_1: orgs.region }, lanes: {}, baseVersion: 1 },
    });
    expect(mapped.status()).toBe(200);
    expect(await mapped.json()).toEqual({ version: 2 });
    const meta = await (await request.get(`/api/flows/${body.id}`)).json();
    expect(meta.organisations.map((o: { id: string }) => o.id)).toEqual([orgs.kommun, orgs.region]);
    const badField = await request.put(`/api/flows/${body.id}/mapping`, { data: { participants: { Nope: orgs.region }, baseVersion: 2 } });
    expect(badField.status()).toBe(400);
    expect((await badField.json()).error.field).toBe('participants.Nope');
  });

  test('round-trips every MIWG reference model through POST and GET …/bpmn', async ({ request }) => {
    test.setTimeout(180_000);
    const dir = path.join(__dirname, '..', 'testdata', 'bpmn-miwg-reference');
    const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn'));
    expect(files).toHaveLength(21);
    const shapeOf = async (xml: string) => {
      const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions', { lax: true });
      const summary = describeCollaboration(rootElement);
      return {
        participants: summary.participants.map((p) => p.id),
        lanes: summary.lanes.map((l) => l.id),
        messageFlows: summary.messageFlows.map((m) => m.id),
        elements: listElementIds(rootElement),
        shapes: describeShapes(rootElement),
      };
    };
    for (const file of files) {
      const original = readFileSync(path.join(dir, file));
      const created = await request.post(`/api/flows?name=${encodeURIComponent(`MIWG ${file} ${randomUUID().slice(0, 6)}`)}`, {
        headers: { 'content-type': 'application/xml' },
        data: original,
      });
      expect(created.status(), file).toBe(201);
      const { id } = await created.json();
      const stored = await request.get(`/api/flows/${id}/bpmn`);
      expect(stored.headers()['etag'], file).toBe('"1"');
      expect(await shapeOf(await stored.text()), file).toEqual(await shapeOf(original.toString('utf8')));
    }
  });
});
