import { describe, expect, it } from 'vitest';
import { attachmentDisposition, baseVersionFrom, revisionMessageFrom, versionFromQuery } from './flow-route';
import { readLimitedText } from './read-body';

const url = 'http://localhost/api/flows/f1/bpmn';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('If-Match', () => {
  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"12"', 12],
    [' "7" ', 7],
  ])('reads %s as version %d', (header, version) => {
    expect(baseVersionFrom(new Request(url, { headers: { 'if-match': header } }))).toBe(version);
  });

  it('answers 428 without If-Match and 400 for anything but one version', () => {
    expect(codeOf(() => baseVersionFrom(new Request(url)))).toBe('PRECONDITION_REQUIRED');
    for (const header of ['*', '"1", "2"', '"abc"', '-1']) {
      expect(codeOf(() => baseVersionFrom(new Request(url, { headers: { 'if-match': header } }))), header).toBe('INVALID');
    }
  });
});

describe('query and header parameters', () => {
  it('reads ?version as a positive whole number', () => {
    expect(versionFromQuery(new Request(`${url}?version=4`))).toBe(4);
    expect(versionFromQuery(new Request(url))).toBeUndefined();
    for (const bad of ['0', '-1', '1.5', 'x', '', '01']) {
      expect(codeOf(() => versionFromQuery(new Request(`${url}?version=${bad}`))), bad).toBe('INVALID');
    }
  });

  it('decodes the revision message from the header, else the query; at most 500 characters', () => {
    const headers = { 'x-revision-message': encodeURIComponent('Lade till SIP-kallelse') };
    expect(revisionMessageFrom(new Request(`${url}?message=ignored`, { headers }))).toBe('Lade till SIP-kallelse');
    expect(revisionMessageFrom(new Request(`${url}?message=${encodeURIComponent('Från frågan')}`))).toBe('Från frågan');
    expect(revisionMessageFrom(new Request(url))).toBeUndefined();
    expect(codeOf(() => revisionMessageFrom(new Request(`${url}?message=${'x'.repeat(501)}`)))).toBe('INVALID');
    expect(codeOf(() => revisionMessageFrom(new Request(url, { headers: { 'x-revision-message': '%E0%A4%A' } })))).toBe('INVALID');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the real name, with nothing that could break the header', () => {
    const value = attachmentDisposition('Utskrivning "från" <slutenvård>\r\nX-Evil: 1 v3', 'bpmn');
    expect(value).toMatch(/^attachment; filename="[A-Za-z0-9._ -]+\.bpmn"; filename\*=UTF-8''[A-Za-z0-9%._~!'()*-]+$/);
    expect(value).not.toMatch(/[\r\n<>]/);
    expect(value).toContain('filename="Utskrivning-fran-slutenvard-X-Evil-1-v3.bpmn"');
    expect(attachmentDisposition('???', 'svg')).toContain('filename="flode.svg"');
  });
});

describe('readLimitedText', () => {
  function streamOf(parts: string[]): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
  }

  it('reads a body within the limit', async () => {
    const req = new Request(url, { method: 'PUT', body: streamOf(['<a>', 'å</a>']), duplex: 'half' } as RequestInit);
    expect(await readLimitedText(req, 100)).toBe('<a>å</a>');
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const req = new Request(url, { method: 'PUT', body: 'x'.repeat(10), headers: { 'content-length': '1000' } });
    await expect(readLimitedText(req, 100)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64));
      },
    });
    const req = new Request(url, { method: 'PUT', body: endless, duplex: 'half' } as RequestInit);
    await expect(readLimitedText(req, 1000)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(pulled).toBeLessThan(40);
  });

  it('decodes a file that declares ISO-8859-1 with that encoding', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe5, 0xe4, 0xf6, ...new TextEncoder().encode('</a>')]);
    const req = new Request(url, { method: 'PUT', body: bytes });
    expect(await readLimitedText(req, 1000)).toContain('<a>åäö</a>');
  });
});
