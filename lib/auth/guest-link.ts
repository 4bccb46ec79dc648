import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from './secret';

// A guest link is `<code>.<mac>`: the session's short code and an HMAC of the session's id under a key
// derived from the server's secret. Nothing secret is stored, the presenter can show the link again
// after a reload, and the code alone (read aloud in the room) never opens the guest view: only the
// whole link does. Revoking or ending the session is a column in the database, checked on every use.

const KEY = createHmac('sha256', authSecret).update('stafett guest link v1').digest();

function macOf(presentationId: string): string {
  return createHmac('sha256', KEY).update(presentationId).digest('base64url');
}

export function guestTokenFor(presentation: { id: string; code: string }): string {
  return `${presentation.code}.${macOf(presentation.id)}`;
}

/** The code a guest token names, before it is checked (undefined for anything not shaped like one). */
export function codeOfGuestToken(token: string): string | undefined {
  const match = /^([A-Z0-9]{4,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match?.[1];
}

/** Whether the token is this session's, in constant time. */
export function isGuestTokenOf(token: string, presentation: { id: string; code: string }): boolean {
  const expected = Buffer.from(guestTokenFor(presentation));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
