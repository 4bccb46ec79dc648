// The editor's network calls for live co-editing, and what each answer means for the sync state.

import type { Op } from '@/lib/domain/records/types';
import type { Refusal } from '@/lib/i18n/refusal-message';

export type SendOutcome =
  | { kind: 'acked'; version: number }
  | { kind: 'rejected'; refusal: Refusal & { elementIds?: string[] } }
  | { kind: 'offline' }
  | { kind: 'signedOut' };

export async function postBatch(flowId: string, batch: { batchId: string; ops: Op[] }): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/changes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.ok) {
    const body = (await res.json().catch(() => ({}))) as { version?: unknown };
    return typeof body.version === 'number' ? { kind: 'acked', version: body.version } : { kind: 'offline' };
  }
  if (res.status === 401) return { kind: 'signedOut' };
  // A gateway, a restarting server or a database that is briefly away: the same batch will do later.
  if (res.status >= 500 || res.status === 429) return { kind: 'offline' };
  const body = (await res.json().catch(() => ({}))) as { error?: Partial<Refusal> & { elementIds?: string[] } };
  return { kind: 'rejected', refusal: { ...body.error, message: body.error?.message ?? `HTTP ${res.status}` } };
}

export async function postCheckpoint(flowId: string, message: string): Promise<{ version: number } | { error: string }> {
  try {
    const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/checkpoints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    const body = (await res.json().catch(() => ({}))) as { version?: number; error?: { message?: string } };
    if (res.ok && typeof body.version === 'number') return { version: body.version };
    return { error: body.error?.message ?? `HTTP ${res.status}` };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export function postPresence(flowId: string, body: { clientId: string; mode: 'view' | 'edit'; selection: string[] }): void {
  void fetch(`/api/flows/${encodeURIComponent(flowId)}/presence`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => undefined);
}

export function leavePresence(flowId: string, clientId: string): void {
  void fetch(`/api/flows/${encodeURIComponent(flowId)}/presence?clientId=${encodeURIComponent(clientId)}`, {
    method: 'DELETE',
    keepalive: true,
  }).catch(() => undefined);
}

/** Pending batches survive a reload, a lost network and a server restart: kept per flow and user. */
export function pendingStore(flowId: string, userId: string) {
  const key = `stafett:pending:${flowId}:${userId}`;
  return {
    load(): { batchId: string; ops: Op[] }[] {
      try {
        const raw = window.localStorage.getItem(key);
        const parsed = raw ? (JSON.parse(raw) as unknown) : [];
        return Array.isArray(parsed) ? (parsed as { batchId: string; ops: Op[] }[]).filter((b) => typeof b?.batchId === 'string' && Array.isArray(b.ops)) : [];
      } catch {
        return [];
      }
    },
    save(batches: { batchId: string; ops: Op[] }[]): void {
      try {
        if (batches.length) window.localStorage.setItem(key, JSON.stringify(batches.map(({ batchId, ops }) => ({ batchId, ops }))));
        else window.localStorage.removeItem(key);
      } catch {
        // Storage full or disabled: the batches still go out while the page is open.
      }
    },
  };
}
