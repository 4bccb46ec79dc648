import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './client-address';
import { clientIpFrom } from './sign-in-throttle';

describe('clientIpFrom', () => {
  it('believes no forwarded header by default, so rotating it neither dodges nor aims the per-address limit', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '10.0.0.1' }, parseTrustProxy(undefined))).toBe('unknown');
    expect(clientIpFrom({ 'x-real-ip': '198.51.100.2' }, parseTrustProxy('1'))).toBe('unknown');
    expect(clientIpFrom({}, parseTrustProxy('1'))).toBe('unknown');
  });

  it('behind one trusted proxy takes the hop it appended, from a plain object or Headers', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, parseTrustProxy('1'))).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'X-Forwarded-For': ' 203.0.113.8 ' }), parseTrustProxy('1'))).toBe('203.0.113.8');
  });
});
