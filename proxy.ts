import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { isPublicPath, signInPathFor } from '@/lib/auth/public-paths';
import { isEndedLink, presentationLinkOf } from '@/lib/presenting/link-state';
import { env } from '@/lib/env';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from '@/lib/http/security-headers';

const servedOverHttpsByConfig = env.NEXTAUTH_URL?.startsWith('https://') ?? false;

// Two jobs for every page: its security headers (a fresh CSP nonce each time, which makes pages
// dynamic; they are anyway, they read the session), and, only as a convenience, sending the signed-out
// to the sign-in page before a page renders. Every page, server action and API route still checks the
// session and the policy itself.
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!isPublicPath(pathname)) {
    const token = await getToken({ req, secret: authSecret, secureCookie: servedOverHttpsByConfig });
    if (!token?.uid) return withSecurityHeaders(req, NextResponse.redirect(new URL(signInPathFor(pathname, search), req.url)));
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { development: env.NODE_ENV === 'development' });
  // Next takes the nonce for its own <script> tags from the request's copy of the policy.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  // An ended presentation's follow or guest link answers 410 Gone with a page that says so.
  const link = presentationLinkOf(pathname, req.nextUrl.searchParams);
  const gone = link !== null && (await isEndedLink(link));
  const res = gone
    ? NextResponse.rewrite(new URL('/presentation-ended', req.url), { status: 410, request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', policy);
  return withSecurityHeaders(req, res);
}

function withSecurityHeaders(req: NextRequest, res: NextResponse): NextResponse {
  const hsts = strictTransportSecurity(servedOverHttpsByConfig || req.nextUrl.protocol === 'https:', env.HSTS_MAX_AGE);
  if (hsts) res.headers.set('Strict-Transport-Security', hsts);
  return res;
}

export const config = {
  // Skip what never needs a session or a page policy before the function even runs (API routes answer
  // JSON and set their own headers); isPublicPath decides the rest.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
