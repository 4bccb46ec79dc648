import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

// What the security suite walks: every API route (from app/api, so a new one cannot be missed) and
// every server action (from the build's server-reference manifest), and how to call each.

const ROOT = path.resolve(__dirname, '..');

export type Body = 'none' | 'json' | 'xml';
export type RouteEntry = { methods: Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', Body>>; query?: string; param?: 'flow' | 'organisation' | 'role' };

/**
 * Every route file under app/api, by its folder. A route file missing here fails the suite: add it with
 * its methods, and it is walked with a foreign Origin, a forwarded host, no session, a revoked session
 * and a token.
 */
export const API_ROUTES: Record<string, RouteEntry | { exempt: string }> = {
  'auth/[...nextauth]': { exempt: "next-auth's own sign-in/sign-out: protected by its double-submit CSRF token" },
  health: { exempt: 'public health check, GET only, no session' },
  me: { methods: { GET: 'none' } },
  organisations: { methods: { GET: 'none' } },
  'organisations/[id]': { methods: { GET: 'none' }, param: 'organisation' },
  'organisations/[id]/landscape': { methods: { GET: 'none', POST: 'json' }, param: 'organisation' },
  // [entryId] is not filled in: the literal answers 404 (or 403/401 first), which is what the walk checks.
  'organisations/[id]/landscape/[entryId]': { methods: { PUT: 'json', DELETE: 'none' }, param: 'organisation' },
  flows: { methods: { GET: 'none', POST: 'json' } },
  'flows/[id]': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/bpmn': { methods: { GET: 'none', PUT: 'xml' }, param: 'flow' },
  'flows/[id]/revisions': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/diff': { methods: { GET: 'none' }, param: 'flow', query: '?from=1&to=1' },
  'flows/[id]/svg': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/restore': { methods: { POST: 'json' }, param: 'flow' },
  'flows/[id]/mapping': { methods: { PUT: 'json' }, param: 'flow' },
  'flows/[id]/changes': { methods: { GET: 'none', POST: 'json' }, param: 'flow', query: '?after=0' },
  'flows/[id]/checkpoints': { methods: { POST: 'json' }, param: 'flow' },
  'flows/[id]/presence': { methods: { POST: 'json', DELETE: 'none' }, param: 'flow' },
  'flows/[id]/raci': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/handovers': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/checks': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/approvals': { methods: { GET: 'none', POST: 'json' }, param: 'flow' },
  'flows/[id]/approvals/[approvalId]/decisions': { methods: { POST: 'json' }, param: 'flow' },
  'flows/[id]/follow': { methods: { GET: 'none', PUT: 'none', DELETE: 'none' }, param: 'flow' },
  'flows/[id]/indicators': { methods: { GET: 'none', POST: 'json' }, param: 'flow' },
  'flows/[id]/indicators/[indicatorId]/values': { methods: { POST: 'json' }, param: 'flow' },
  'roles/[id]/responsibilities': { methods: { GET: 'none' }, param: 'role' },
  'flows/[id]/walkthrough': { methods: { GET: 'none' }, param: 'flow' },
  'flows/[id]/presentations': { methods: { POST: 'json' }, param: 'flow' },
  // [code] is not filled in: the literal answers 404 (or 403/401 first), which is what the walk checks.
  'presentations/[code]': { methods: { PUT: 'json', DELETE: 'none' } },
  'presentations/[code]/guest': { methods: { DELETE: 'none' } },
  'presentations/[code]/events': { exempt: 'GET-only event stream of a presentation; its refusals are walked in e2e/present.spec.ts' },
  'guest/[token]/events': { exempt: 'public by design: a guest link’s stream, authorised by the link itself (e2e/present.spec.ts checks 404, 410 and that it opens nothing else)' },
  'flows/[id]/comments': { methods: { GET: 'none', POST: 'json' }, param: 'flow' },
  'flows/[id]/comments/[commentId]': { methods: { PATCH: 'json', DELETE: 'none' }, param: 'flow' },
  'flows/[id]/comments/[commentId]/replies': { methods: { POST: 'json' }, param: 'flow' },
  'flows/[id]/events': { exempt: 'GET-only event stream that never ends by itself; its 401 and 404 are walked in e2e/live-coediting.spec.ts' },
};

function walk(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full);
  }
  return found;
}

/** Route folder (relative to app/api) → the HTTP methods its route.ts exports. */
export function routesInSource(): Map<string, string[]> {
  const apiDir = path.join(ROOT, 'app/api');
  const routes = new Map<string, string[]>();
  for (const file of walk(apiDir).filter((f) => /route\.tsx?$/.test(f))) {
    const source = readFileSync(file, 'utf8');
    const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)].map((m) => m[1]!);
    const reexported = /export\s*\{([^}]*)\}/.exec(source)?.[1]?.match(/\b(GET|POST|PUT|PATCH|DELETE)\b/g) ?? [];
    routes.set(path.relative(apiDir, path.dirname(file)).split(path.sep).join('/'), [...new Set([...methods, ...reexported])].sort());
  }
  return routes;
}

export type ServerAction = { id: string; filename: string; exportedName: string; page: string };

/** Server actions as the build registered them, each with one page that can run it. */
export function serverActionsInBuild(): ServerAction[] | null {
  let manifest: { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };
  try {
    manifest = JSON.parse(readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? '?',
    exportedName: entry.exportedName ?? '?',
    page: Object.keys(entry.workers).find((w) => !w.includes('_not-found')) ?? 'app/page',
  }));
}

/** Source files with 'use server', and the actions each exports (module-level) or holds inline. */
export function serverActionsInSource(): { file: string; exported: string[] }[] {
  return ['app', 'components', 'lib']
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .filter((f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`))
    .map((f) => ({ full: f, source: readFileSync(f, 'utf8') }))
    .filter(({ source }) => /['"]use server['"]/.test(source))
    .map(({ full, source }) => ({
      file: path.relative(ROOT, full).split(path.sep).join('/'),
      exported: /^['"]use server['"]/m.test(source.trimStart().split('\n')[0] ?? '')
        ? [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => m[1]!)
        : [],
    }));
}

/** A URL path for a page worker ("app/flows/[id]/history/page") with real ids filled in. */
export function pagePath(worker: string, ids: { flow: string; organisation: string }): string {
  const route = worker.replace(/^app/, '').replace(/\/page$/, '') || '/';
  return route
    .replace('/organisations/[id]', `/organisations/${ids.organisation}`)
    .replace('[id]', ids.flow)
    .replace('[token]', 'x'.repeat(43))
    .replace('[version]', '1');
}

/** Signs in through next-auth's own endpoints, as the sign-in form does, and keeps the cookie. */
export async function signInByApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' }, maxRedirects: 0 });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const { cookies } = await request.storageState();
  expect(cookies.some((c) => c.name.endsWith('next-auth.session-token')), 'session cookie after sign-in').toBe(true);
}

/** Signs out through next-auth's endpoint, as the sign-out button does. */
export async function signOutByApi(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
  expect(response.status()).toBeLessThan(400);
}
