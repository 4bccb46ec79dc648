import { z } from 'zod';
import { parseTrustProxy } from '@/lib/auth/client-address';

// The only reader of process.env in the app: every setting is named, defaulted and checked here once.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by Next itself; 'phase-production-build' while `next build` runs (no secrets needed then). */
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/stafett'),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default('Single sign-on'),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Stafett <no-reply@stafett.local>'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
  BPMN_MAX_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Proxies in front of the app whose X-Forwarded-For entries are believed: a hop count or addresses/CIDRs. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseTrustProxy(raw);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    }),
  /** Strict-Transport-Security max-age in seconds, sent on pages served over HTTPS; 0 sends none. */
  HSTS_MAX_AGE: z.coerce.number().int().min(0).default(31_536_000),
});

export type Env = z.infer<typeof schema>;

function readEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();

export const oidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
