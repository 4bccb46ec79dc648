import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from './security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('contentSecurityPolicy', () => {
  it('lets scripts run only by nonce and strict-dynamic, never inline or eval, in production', () => {
    const policy = directives(contentSecurityPolicy('abc123==', { development: false }));
    expect(policy.get('script-src')).toEqual(["'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy('x', { development: false })).not.toMatch(/unsafe-eval/);
  });

  it('allows eval only for the development build', () => {
    expect(directives(contentSecurityPolicy('n', { development: true })).get('script-src')).toContain("'unsafe-eval'");
  });
});

describe('newNonce', () => {
  it('is base64 of 16 random bytes and differs every time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe('strictTransportSecurity', () => {
  it('is sent over HTTPS only, and not at all when switched off', () => {
    expect(strictTransportSecurity(true, 31_536_000)).toBe('max-age=31536000');
    expect(strictTransportSecurity(false, 31_536_000)).toBeNull();
    expect(strictTransportSecurity(true, 0)).toBeNull();
  });
});
