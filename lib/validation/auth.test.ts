import { describe, expect, it } from 'vitest';
import { safeCallbackPath, signInSchema } from './auth';

describe('signInSchema', () => {
  it('normalises the email to lower case', () => {
    expect(signInSchema.parse({ email: '  Anna@Kommun.SE ', password: 'x' }).email).toBe('anna@kommun.se');
  });

  it('refuses a missing password and a malformed email', () => {
    expect(signInSchema.safeParse({ email: 'anna@kommun.se', password: '' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: 'anna', password: 'x' }).success).toBe(false);
  });
});

describe('safeCallbackPath', () => {
  it.each([
    ['/flows/abc?x=1', '/flows/abc?x=1'],
    ['/', '/'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/steal', '/steal'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['flows', '/'],
    ['/signin?callbackUrl=/x', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
