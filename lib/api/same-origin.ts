import { AppError } from '@/lib/errors';

// CSRF defence for cookie-authenticated API calls. SameSite=Lax stops cross-SITE requests only; a page
// on another origin of the same site (another subdomain) can still post with the cookie. Browsers say
// where a request comes from in `Sec-Fetch-Site` (Fetch Metadata) and `Origin` (RFC 6454 §7): an
// unsafe request whose origin is not ours is refused. Bearer-token calls carry no ambient credential,
// so they are not checked. A request with neither header (curl, an old browser) is let through: a
// browser that sends the cookie cross-origin on an unsafe method always sends Origin.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Why `req` does not come from the app itself, or null when it does. `appOrigin` is NEXTAUTH_URL's
 * origin when set; the request's own Host is accepted too (the app reached by another name).
 */
export function crossSiteReason(req: Request, appOrigin: string | undefined): string | null {
  const fetchSite = req.headers.get('sec-fetch-site')?.toLowerCase();
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return `Sec-Fetch-Site: ${fetchSite}`;
  const origin = req.headers.get('origin');
  if (origin === null) return null;
  if (origin === 'null') return 'Origin: null';
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `Origin: ${origin.slice(0, 100)}`;
  }
  if (appOrigin && parsed.origin === new URL(appOrigin).origin) return null;
  const host = req.headers.get('host');
  if (host && parsed.host === host.toLowerCase()) return null;
  return `Origin: ${parsed.origin}`;
}

/** 403 CROSS_SITE for an unsafe cookie-authenticated request from another origin. */
export function assertSameOrigin(req: Request, appOrigin: string | undefined): void {
  if (!isUnsafeMethod(req.method)) return;
  const reason = crossSiteReason(req, appOrigin);
  if (reason === null) return;
  throw new AppError('FORBIDDEN', `This request came from another site (${reason}). Use Stafett itself, or an API token.`, {
    reason: 'CROSS_SITE',
  });
}
