/** POSTs JSON to our API; a refusal comes back as the message the API gives (it is written for people). */
export async function postJson(url: string, body: unknown): Promise<{ ok: true; data: unknown } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data };
    const message = (data as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
    return { ok: false, message };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
