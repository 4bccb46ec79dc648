type JsonResult = { ok: true; data: unknown } | { ok: false; message: string };

/** Sends JSON to our API; a refusal comes back as the message the API gives (it is written for people). */
export async function sendJson(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<JsonResult> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (res.ok) return { ok: true, data };
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
    return { ok: false, message };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

export function postJson(url: string, body: unknown): Promise<JsonResult> {
  return sendJson('POST', url, body);
}
