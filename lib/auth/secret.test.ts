import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadSecret(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return (await import('./secret')).authSecret;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('authSecret', () => {
  it('uses NEXTAUTH_SECRET when set', async () => {
    expect(await loadSecret({ NEXTAUTH_SECRET: 'a-long-enough-secret-value', NODE_ENV: 'production' })).toBe('a-long-enough-secret-value');
  });

  it('falls back to a fixed secret in development, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const secret = await loadSecret({ NEXTAUTH_SECRET: undefined, NODE_ENV: 'development' });
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('NEXTAUTH_SECRET'));
  });

  it('refuses to start in production without a secret, saying what to do', async () => {
    await expect(loadSecret({ NEXTAUTH_SECRET: undefined, NODE_ENV: 'production', NEXT_PHASE: undefined })).rejects.toThrow(
      /NEXTAUTH_SECRET is not set.*production/,
    );
  });

  it('lets `next build` load the module without the runtime secret', async () => {
    await expect(loadSecret({ NEXTAUTH_SECRET: undefined, NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).resolves.toBeTypeOf('string');
  });
});
