import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';
import { createApiToken, createMember, createTestOrganisation, sql } from './organisation-helpers';
import {
  API_ROUTES,
  pagePath,
  routesInSource,
  serverActionsInBuild,
  serverActionsInSource,
  signInByApi,
  signOutByApi,
  type Body,
  type RouteEntry,
} from './security-surface';

// The security suite (issue 12): every API route and server action, called with a session cookie
// from another origin, through a forwarded host, signed out, with a revoked session and with a token.

test.use({ axeScan: false });
test.describe.configure({ timeout: 120_000 });

const EVIL = 'https://evil.example';
type Call = { route: string; method: string; url: string; body: Body };

function calls(ids: { flow: string; organisation: string; role: string }): Call[] {
  return Object.entries(API_ROUTES).flatMap(([route, entry]) => {
    if ('exempt' in entry) return [];
    const { methods, param, query = '' } = entry as RouteEntry;
    const url = `/api/${route.replace('[id]', param === 'organisation' ? ids.organisation : param === 'role' ? ids.role : ids.flow)}${query}`;
    return Object.entries(methods).map(([method, body]) => ({ route, method, url, body: body! }));
  });
}

const unsafe = (call: Call) => call.method !== 'GET';

function send(request: APIRequestContext, call: Call, headers: Record<string, string> = {}, contentType?: string): Promise<APIResponse> {
  const type = contentType ?? (call.body === 'xml' ? 'application/xml' : 'application/json');
  const data = call.body === 'none' ? undefined : call.body === 'xml' ? '<x/>' : '{}';
  return request.fetch(call.url, {
    method: call.method,
    maxRedirects: 0,
    headers: { ...(data !== undefined ? { 'content-type': type } : {}), ...headers },
    data,
  });
}

async function reasonOf(response: APIResponse): Promise<string | undefined> {
  try {
    return ((await response.json()) as { error?: { reason?: string } }).error?.reason;
  } catch {
    return undefined;
  }
}

type World = { ids: { flow: string; organisation: string; role: string }; token: string; email: string; password: string };

/** A fresh admin of a fresh organisation with one flow, signed in on `request`; nothing shared with other tests. */
async function setUp(request: APIRequestContext): Promise<World> {
  const org = await createTestOrganisation();
  const admin = await createMember('security', org.id, 'ADMIN');
  await signInByApi(request, admin.email, admin.password);
  const created = await request.post('/api/flows', {
    data: { name: `Säkerhet ${randomUUID().slice(0, 8)}`, category: 'CORE', organisations: [org.id], roles: {} },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const role = `e2erole${randomUUID().replace(/-/g, '')}`;
  await sql(`INSERT INTO "Role" (id, "organisationId", name, "updatedAt") VALUES ($1, $2, $3, now())`, [role, org.id, `Roll ${randomUUID().slice(0, 8)}`]);
  return { ids: { flow: id, organisation: org.id, role }, token: await createApiToken(admin.id), email: admin.email, password: admin.password };
}

test('every API route file and method is in the suite’s table', () => {
  const inSource = routesInSource();
  const inTable = new Map(
    Object.entries(API_ROUTES).map(([route, entry]) => [route, 'exempt' in entry ? inSource.get(route) : Object.keys(entry.methods).sort()]),
  );
  expect(Object.fromEntries(inSource)).toEqual(Object.fromEntries(inTable));
});

test('a cookie call from another origin or site is refused with 403 CROSS_SITE before anything runs', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { ids } = await setUp(request);
  const before = await (await request.get(`/api/flows/${ids.flow}`)).json();
  const sameSite = new URL(baseURL!).origin.replace('localhost', 'other.localhost');
  for (const call of calls(ids)) {
    const foreign: Record<string, string>[] = [{ origin: EVIL }, { origin: sameSite, 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
    for (const headers of foreign) {
      const response = await send(request, call, headers);
      const what = `${call.method} ${call.url} ${JSON.stringify(headers)}`;
      if (unsafe(call)) {
        expect(response.status(), what).toBe(403);
        expect(await reasonOf(response), what).toBe('CROSS_SITE');
      } else {
        expect(response.status(), what).toBe(200); // reading is safe: SameSite and CORS keep the answer from the other site
      }
    }
  }
  // Nothing was created, saved or restored.
  expect(await (await request.get(`/api/flows/${ids.flow}`)).json()).toEqual(before);
  await request.dispose();
});

test('from the app itself a JSON route wants application/json: a text/plain body (what a form can send) gets 415', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { ids } = await setUp(request);
  const origin = new URL(baseURL!).origin;
  for (const call of calls(ids).filter((c) => c.body === 'json')) {
    const response = await send(request, call, { origin, 'sec-fetch-site': 'same-origin' }, 'text/plain');
    expect(response.status(), `${call.method} ${call.url}`).toBe(415);
    expect((await response.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  }
  await request.dispose();
});

test('a forwarded host does not make a foreign origin look like the app’s own', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { ids } = await setUp(request);
  for (const call of calls(ids).filter(unsafe)) {
    const response = await send(request, call, { origin: EVIL, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(response.status(), `${call.method} ${call.url}`).toBe(403);
    expect(await reasonOf(response)).toBe('CROSS_SITE');
  }
  await request.dispose();
});

test('signed out, and with a session ended by sign-out, every route answers 401 and pages go to sign-in', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { ids } = await setUp(request);
  const kept = await playwright.request.newContext({ baseURL, storageState: await request.storageState() });
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await kept.get('/api/me')).status(), 'the copied cookie works before sign-out').toBe(200);

  await signOutByApi(request);
  for (const [who, context] of [['signed out', anonymous], ['kept cookie after sign-out', kept]] as const) {
    for (const call of calls(ids)) {
      const response = await send(context, call);
      expect(response.status(), `${who}: ${call.method} ${call.url}`).toBe(401);
      expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
    }
    const page = await context.get('/profile', { maxRedirects: 0 });
    expect([302, 303, 307], `${who}: /profile`).toContain(page.status());
    expect(page.headers()['location'], who).toMatch(/\/signin\?callbackUrl=%2Fprofile/);
  }
  await Promise.all([request.dispose(), kept.dispose(), anonymous.dispose()]);
});

test('a Bearer token is not a browser credential: no origin check, and its owner’s rights', async ({ playwright, baseURL }) => {
  const setup = await playwright.request.newContext({ baseURL });
  const { ids, token } = await setUp(setup);
  const script = await playwright.request.newContext({ baseURL });
  for (const call of calls(ids)) {
    const response = await send(script, call, { authorization: `Bearer ${token}`, origin: EVIL });
    const what = `${call.method} ${call.url}`;
    expect(response.status(), what).not.toBe(401);
    expect(await reasonOf(response), what).not.toBe('CROSS_SITE');
    if (!unsafe(call)) expect(response.status(), what).toBe(200);
  }
  await Promise.all([setup.dispose(), script.dispose()]);
});

test('any BPMN file, from another tool or hostile, imports (201) or is refused (4xx): never a 500', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const { token } = await setUp(request);
  const dir = path.resolve(__dirname, '../testdata/other-tools');
  const clean = readFileSync(path.join(dir, 'camunda-modeler-clean.bpmn'), 'utf8');
  const post = (xml: string) =>
    request.post('/api/flows', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' }, data: xml });
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
    const response = await post(readFileSync(path.join(dir, file), 'utf8'));
    expect(response.status(), `${file}: ${await response.text()}`).toBe(201);
  }
  for (const hostile of [`<?pi before?>${clean}`, `\uFEFF\n${clean}`, clean.replace('<bpmn:collaboration', '<foo:bar/><bpmn:collaboration')]) {
    const response = await post(hostile);
    expect(response.status(), await response.text()).toBe(400);
    expect(await reasonOf(response)).toBe('NOT_XML');
  }
  await request.dispose();
});

test.describe('server actions', () => {
  const actions = serverActionsInBuild();
  test.skip(actions === null, 'needs the .next build this server runs (not available against E2E_BASE_URL)');

  test('every server action in the source is one the build registered', () => {
    const registered = new Set(actions!.map((a) => `${a.filename}#${a.exportedName}`));
    const files = new Set(actions!.map((a) => a.filename));
    for (const { file, exported } of serverActionsInSource()) {
      expect(files.has(file), file).toBe(true);
      for (const name of exported) expect(registered.has(`${file}#${name}`), `${file}#${name}`).toBe(true);
    }
  });

  /** Calls a server action the way React does (fetch with Next-Action), here with no arguments. */
  function callAction(request: APIRequestContext, action: { id: string; page: string }, ids: World['ids'], origin: string) {
    return request.post(pagePath(action.page, ids), {
      maxRedirects: 0,
      headers: { 'next-action': action.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin },
      data: '[]',
    });
  }

  test('Next refuses every server action called from another origin (its own Origin/Host check)', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const world = await setUp(request);
    const signOutEverywhere = actions!.find((a) => a.exportedName === 'signOutEverywhereAction')!;
    for (const action of actions!) {
      const response = await callAction(request, action, world.ids, EVIL);
      expect(response.status(), `${action.filename}#${action.exportedName}`).toBe(500);
    }
    // It did not run: the session that "signed out everywhere" from the other origin still works …
    expect((await request.get('/api/me')).status()).toBe(200);
    // … while the same call from the app itself does end it (so the refusal above is not a broken call).
    const own = await callAction(request, signOutEverywhere, world.ids, new URL(baseURL!).origin);
    expect(own.status(), await own.text()).toBeLessThan(400);
    expect((await request.get('/api/me')).status()).toBe(401);
    await request.dispose();
  });
});
