import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonBody } from './route';

const schema = z.object({ name: z.string().min(1), version: z.number().int() });

function jsonRequest(body: string): Request {
  return new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('parseJsonBody', () => {
  it('returns the parsed body', async () => {
    await expect(parseJsonBody(jsonRequest('{"name":"a","version":2}'), schema)).resolves.toEqual({ name: 'a', version: 2 });
  });

  it('names the first bad field', async () => {
    await expect(parseJsonBody(jsonRequest('{"name":"a","version":"x"}'), schema)).rejects.toMatchObject({
      code: 'INVALID',
      details: { field: 'version' },
    });
  });

  it('refuses a body that is not JSON', async () => {
    await expect(parseJsonBody(jsonRequest('{name'), schema)).rejects.toMatchObject({ code: 'INVALID' });
  });

  it('refuses a body not sent as application/json with 415, the way a cross-origin form would send it', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const req = new Request('http://localhost/api/x', { method: 'POST', headers: type ? { 'content-type': type } : {}, body: '{"name":"a","version":2}' });
      await expect(parseJsonBody(req, schema)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    }
  });

  it('accepts application/json with parameters', async () => {
    const req = new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"name":"a","version":2}' });
    await expect(parseJsonBody(req, schema)).resolves.toEqual({ name: 'a', version: 2 });
  });

  it('refuses a body over a megabyte with 413 before parsing it', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(1024 * 1024), version: 1 });
    await expect(parseJsonBody(jsonRequest(huge), schema)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });
});
