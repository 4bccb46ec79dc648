import { z } from 'zod';

/** What the sign-in form sends. Email is trimmed and lower-cased: accounts are one per address. */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  // Upper bound keeps a huge body from costing a slow hash.
  password: z.string().min(1).max(1024),
});

export type SignInInput = z.infer<typeof signInSchema>;

/**
 * Where to go after signing in: only a path on this site. Anything else (another origin, "//evil",
 * "/\\evil", a javascript: URL) falls back to the home page, so a link cannot bounce a user away.
 */
export function safeCallbackPath(value: string | null | undefined, fallback = '/'): string {
  if (!value) return fallback;
  let candidate = value;
  // next-auth sometimes hands back an absolute URL of our own origin; keep only its path.
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      candidate = url.pathname + url.search + url.hash;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback;
  if (/[\u0000-\u001f]/.test(candidate)) return fallback;
  if (candidate.startsWith('/signin') || candidate.startsWith('/signout')) return fallback;
  return candidate;
}
