import type { Proposal } from '@/lib/validation/comments';
import type { CommentJson } from '@/lib/comments/comment-json';

// The browser's calls to the comments API. Errors come back as their message (the server's words),
// for the panel to show; nothing here throws at the user.

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

async function send<T>(url: string, method: string, body?: unknown): Promise<Outcome<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    if (res.status === 204) return { ok: true, value: undefined as T };
    const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) return { ok: false, message: json?.error?.message ?? `HTTP ${res.status}` };
    return { ok: true, value: json as T };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const base = (flowId: string) => `/api/flows/${encodeURIComponent(flowId)}/comments`;

export function fetchComments(flowId: string) {
  return send<{ comments: CommentJson[] }>(base(flowId), 'GET');
}

export function postComment(flowId: string, input: { elementId: string | null; body: string; kind: 'comment' | 'suggestion'; proposal?: Proposal }) {
  return send<CommentJson>(base(flowId), 'POST', input);
}

export function postReply(flowId: string, commentId: string, body: string) {
  return send<unknown>(`${base(flowId)}/${encodeURIComponent(commentId)}/replies`, 'POST', { body });
}

export function patchComment(flowId: string, commentId: string, change: { status: string; reason?: string } | { body: string }) {
  return send<unknown>(`${base(flowId)}/${encodeURIComponent(commentId)}`, 'PATCH', change);
}

export function deleteComment(flowId: string, commentId: string) {
  return send<unknown>(`${base(flowId)}/${encodeURIComponent(commentId)}`, 'DELETE');
}
