import { afterEach, describe, expect, it, vi } from 'vitest';
import { putFlowXml, versionFromEtag } from './save-flow-request';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('putFlowXml', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends the base version as If-Match and the message URL-encoded, and reads the new version', async () => {
    const fetchMock = vi.fn(async () => answer(200, { version: 4 }, { ETag: '"4"' }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await putFlowXml('f1', '<xml/>', 3, ' Ny simbana för läkare ')).toEqual({ kind: 'saved', version: 4 });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/flows/f1/bpmn');
    expect(init.method).toBe('PUT');
    const headers = init.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('"3"');
    expect(decodeURIComponent(headers['X-Revision-Message']!)).toBe('Ny simbana för läkare');
    expect(headers['X-Revision-Message']).not.toContain('ä');
  });

  it('sends no message header for an empty message', async () => {
    const fetchMock = vi.fn(async () => answer(200, { version: 2 }));
    vi.stubGlobal('fetch', fetchMock);
    await putFlowXml('f1', '<xml/>', 1, '   ');
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).not.toHaveProperty('X-Revision-Message');
  });

  it('reports a conflict with the version someone else saved', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(409, { error: { code: 'CONFLICT', message: 'moved on', headVersion: 7 } })));
    expect(await putFlowXml('f1', '<xml/>', 5)).toEqual({ kind: 'conflict', headVersion: 7 });
  });

  it('asks for the head version when the conflict does not name it', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(answer(409, { error: { code: 'CONFLICT', message: 'moved on' } }))
      .mockResolvedValueOnce(answer(200, { headVersion: 9 }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await putFlowXml('f1', '<xml/>', 5)).toEqual({ kind: 'conflict', headVersion: 9 });
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/flows/f1');
  });

  it("passes on the server's refusal with its reason for a refused diagram (400, 413)", async () => {
    const error = { code: 'PAYLOAD_TOO_LARGE', message: 'Over 5 MB.', reason: 'TOO_LARGE', maxBytes: 5 * 1024 * 1024 };
    vi.stubGlobal('fetch', vi.fn(async () => answer(413, { error })));
    expect(await putFlowXml('f1', '<xml/>', 1)).toEqual({ kind: 'rejected', refusal: error });
  });

  it('treats a network failure and an unavailable server as offline (retry later)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await putFlowXml('f1', '<xml/>', 1)).toEqual({ kind: 'offline' });
    vi.stubGlobal('fetch', vi.fn(async () => answer(503, { error: { code: 'UNAVAILABLE', message: 'db down' } })));
    expect(await putFlowXml('f1', '<xml/>', 1)).toEqual({ kind: 'offline' });
  });
});

describe('versionFromEtag', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['5', 5],
    [null, null],
    ['"abc"', null],
  ])('%s → %s', (etag, version) => {
    expect(versionFromEtag(etag)).toBe(version);
  });
});
