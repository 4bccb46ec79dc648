import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { isPublicPath, signInPathFor } from '@/lib/auth/public-paths';
import { env } from '@/lib/env';

// Only a convenience: sends the signed-out to the sign-in page before a page renders. Every page,
// server action and API route still checks the session and the policy itself.
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  const token = await getToken({ req, secret: authSecret, secureCookie: env.NEXTAUTH_URL?.startsWith('https://') ?? false });
  if (token?.uid) return NextResponse.next();
  return NextResponse.redirect(new URL(signInPathFor(pathname, search), req.url));
}

export const config = {
  // Skip what never needs a session before the function even runs; isPublicPath decides the rest.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
