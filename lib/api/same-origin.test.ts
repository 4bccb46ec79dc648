import { describe, expect, it } from 'vitest';
import { assertSameOrigin, crossSiteReason } from './same-origin';

const APP = 'https://stafett.example.se';

function request(method: string, headers: Record<string, string>): Request {
  return new Request('https://stafett.example.se/api/flows/x/restore', { method, headers });
}

describe('crossSiteReason', () => {
  it('accepts the app origin, the request host and a request without Origin', () => {
    expect(crossSiteReason(request('POST', { origin: APP }), APP)).toBeNull();
    expect(crossSiteReason(request('POST', { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }), APP)).toBeNull();
    expect(crossSiteReason(request('POST', { 'sec-fetch-site': 'same-origin', origin: APP }), APP)).toBeNull();
    expect(crossSiteReason(request('POST', {}), undefined)).toBeNull();
  });

  it('refuses another origin of the same site, another site and an opaque origin', () => {
    expect(crossSiteReason(request('POST', { origin: 'https://other.example.se', host: 'stafett.example.se' }), APP)).toMatch(/other\.example\.se/);
    expect(crossSiteReason(request('POST', { 'sec-fetch-site': 'same-site' }), APP)).toMatch(/same-site/);
    expect(crossSiteReason(request('POST', { 'sec-fetch-site': 'cross-site', origin: APP }), APP)).toMatch(/cross-site/);
    expect(crossSiteReason(request('POST', { origin: 'null' }), APP)).toMatch(/null/);
    expect(crossSiteReason(request('POST', { origin: 'not a url' }), APP)).not.toBeNull();
  });

  it('does not take a port-less look-alike for the app', () => {
    expect(crossSiteReason(request('POST', { origin: 'https://stafett.example.se:8443', host: 'stafett.example.se' }), APP)).not.toBeNull();
  });
});

describe('assertSameOrigin', () => {
  it('lets safe methods through and refuses unsafe ones with 403 CROSS_SITE', () => {
    expect(() => assertSameOrigin(request('GET', { origin: 'https://evil.test' }), APP)).not.toThrow();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(() => assertSameOrigin(request(method, { origin: 'https://evil.test' }), APP)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN', status: 403, details: { reason: 'CROSS_SITE' } }),
      );
    }
  });
});
