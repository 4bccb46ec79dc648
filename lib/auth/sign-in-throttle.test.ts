import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './sign-in-throttle';

describe('clientIpFrom', () => {
  it('takes the first hop of X-Forwarded-For', () => {
    expect(clientIpFrom({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'x-real-ip': '10.0.0.1' })).toBe('203.0.113.7');
    expect(clientIpFrom(new Headers({ 'X-Forwarded-For': ' 203.0.113.8 ' }))).toBe('203.0.113.8');
  });

  it('falls back to X-Real-IP, then to one shared bucket', () => {
    expect(clientIpFrom({ 'x-real-ip': '198.51.100.2' })).toBe('198.51.100.2');
    expect(clientIpFrom({})).toBe('unknown');
  });
});
