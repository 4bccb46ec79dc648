// Which requests the proxy leaves alone. Signed-out visitors to any other page are sent to sign in.
// API routes answer 401 JSON themselves (scripts must never get a redirect), invitation links must
// open signed out, and assets must load on the sign-in page itself. A presentation's guest link opens
// without an account (its page checks the link itself and shows that one flow only), and so does the
// page saying a presentation has ended.

const PUBLIC_PREFIXES = ['/api/', '/_next/', '/invitations/', '/guest/'] as const;
const PUBLIC_EXACT = new Set(['/api', '/signin', '/signout', '/favicon.ico', '/robots.txt', '/invitations', '/presentation-ended']);
// A last segment with an extension is a static file from public/ (images, icons, manifest).
const STATIC_FILE = /\/[^/]+\.[a-z0-9]{2,5}$/i;

export function isPublicPath(pathname: string): boolean {
  if (PUBLIC_EXACT.has(pathname)) return true;
  if (PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return true;
  return STATIC_FILE.test(pathname);
}

/** The sign-in URL that brings the visitor back to where they were going. */
export function signInPathFor(pathname: string, search: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(pathname + search)}`;
}
