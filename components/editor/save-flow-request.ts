// The editor's one save call: PUT /api/flows/<id>/bpmn with If-Match, and what its answer means.

import type { Refusal } from '@/lib/i18n/refusal-message';

export type SaveOutcome =
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; headVersion: number | null }
  | { kind: 'rejected'; refusal: Refusal }
  | { kind: 'offline' };

type ErrorBody = { error?: Partial<Refusal> & { headVersion?: unknown } };

export async function putFlowXml(
  flowId: string,
  xml: string,
  baseVersion: number,
  message?: string,
): Promise<SaveOutcome> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/xml; charset=utf-8',
    'If-Match': `"${baseVersion}"`,
  };
  if (message?.trim()) headers['X-Revision-Message'] = encodeURIComponent(message.trim());
  let res: Response;
  try {
    res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/bpmn`, { method: 'PUT', headers, body: xml });
  } catch {
    return { kind: 'offline' };
  }
  if (res.ok) {
    const body = (await res.json().catch(() => ({}))) as { version?: unknown };
    const version = typeof body.version === 'number' ? body.version : versionFromEtag(res.headers.get('ETag'));
    if (version !== null) return { kind: 'saved', version };
    return { kind: 'rejected', refusal: { reason: 'MISSING_VERSION', message: 'The server did not say which version it saved.' } };
  }
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  if (res.status === 409) {
    const head = body.error?.headVersion;
    return { kind: 'conflict', headVersion: typeof head === 'number' ? head : await fetchHeadVersion(flowId) };
  }
  // A gateway or a database that is briefly away: the same save will do once it is back.
  if ([502, 503, 504].includes(res.status)) return { kind: 'offline' };
  // The whole error body travels on: the status bar translates it by its reason (lib/i18n/refusal-message).
  return { kind: 'rejected', refusal: { ...body.error, message: body.error?.message ?? `HTTP ${res.status}` } };
}

/** The newest revision's XML and version, for "load the latest". */
export async function getLatestXml(flowId: string): Promise<{ xml: string; version: number }> {
  const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/bpmn`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const version = versionFromEtag(res.headers.get('ETag'));
  if (version === null) throw new Error('The server sent no version.');
  return { xml: await res.text(), version };
}

async function fetchHeadVersion(flowId: string): Promise<number | null> {
  try {
    const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}`, { cache: 'no-store' });
    const body = (await res.json()) as { headVersion?: unknown };
    return typeof body.headVersion === 'number' ? body.headVersion : null;
  } catch {
    return null;
  }
}

/** `"3"`, `W/"3"` or `3` → 3. */
export function versionFromEtag(etag: string | null): number | null {
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(etag?.trim() ?? '');
  return match ? Number(match[1]) : null;
}
