import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress, UNKNOWN_ADDRESS } from './client-address';

describe('parseTrustProxy', () => {
  it('reads nothing, a hop count or a list of addresses and ranges', () => {
    expect(parseTrustProxy(undefined).kind).toBe('none');
    expect(parseTrustProxy(' ').kind).toBe('none');
    expect(parseTrustProxy('0').kind).toBe('none');
    expect(parseTrustProxy('2')).toEqual({ kind: 'hops', hops: 2 });
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16, ::1, fd00::/8').kind).toBe('addresses');
  });

  it.each(['proxy.local', '10.0.0.1/33', '10.0.0.0/8/1', '10.0.0.1,,nope', '999', '1.2.3.4/x'])('refuses %s', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(/TRUST_PROXY/);
  });
});

describe('resolveClientAddress', () => {
  it('believes no forwarded header unless proxies are configured: a caller cannot pick its address', () => {
    expect(resolveClientAddress('203.0.113.7', parseTrustProxy(undefined))).toBe(UNKNOWN_ADDRESS);
    expect(resolveClientAddress('203.0.113.7, 10.0.0.1', parseTrustProxy('0'))).toBe(UNKNOWN_ADDRESS);
  });

  it('with N hops takes the entry the outermost proxy wrote, whatever the caller sent before it', () => {
    const one = parseTrustProxy('1');
    expect(resolveClientAddress('203.0.113.7', one)).toBe('203.0.113.7');
    expect(resolveClientAddress('6.6.6.6, 203.0.113.7', one)).toBe('203.0.113.7');
    const two = parseTrustProxy('2');
    expect(resolveClientAddress('6.6.6.6, 203.0.113.7, 10.0.0.5', two)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.7', two)).toBe('203.0.113.7');
  });

  it('with a list of proxies takes the rightmost entry that is not one of them', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 2001:db8::1');
    expect(resolveClientAddress('6.6.6.6, 203.0.113.7, 10.1.2.3, 10.0.0.1', trust)).toBe('203.0.113.7');
    expect(resolveClientAddress('203.0.113.9, 2001:db8::1', trust)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.0.0.2, 10.0.0.1', trust)).toBe('10.0.0.2');
  });

  it('answers the shared bucket for a missing or empty header', () => {
    expect(resolveClientAddress(null, parseTrustProxy('1'))).toBe(UNKNOWN_ADDRESS);
    expect(resolveClientAddress(' , ', parseTrustProxy('1'))).toBe(UNKNOWN_ADDRESS);
  });
});
