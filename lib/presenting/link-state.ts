import { isPresentationOpen } from '@/lib/auth/policy';
import { findPresentation, presentationForGuest } from './presentations';

// Which page requests are a presentation's follow or guest link, and whether its session has ended:
// the proxy answers those with 410 Gone and the "ended" page (a page cannot set its own status).

export type PresentationLink = { kind: 'guest'; token: string } | { kind: 'follow'; flowId: string; code: string };

export function presentationLinkOf(pathname: string, search: URLSearchParams): PresentationLink | null {
  const guest = /^\/guest\/([^/]+)\/?$/.exec(pathname);
  if (guest) return { kind: 'guest', token: decodeURIComponent(guest[1]!) };
  const follow = /^\/flows\/([^/]+)\/present\/?$/.exec(pathname);
  const code = search.get('session');
  if (follow && code) return { kind: 'follow', flowId: follow[1]!, code };
  return null;
}

/** True when the link names a session that has ended, expired or (for a guest link) been revoked. */
export async function isEndedLink(link: PresentationLink): Promise<boolean> {
  if (link.kind === 'guest') return (await presentationForGuest(link.token)).state === 'ended';
  const row = await findPresentation(link.code);
  return row !== null && row.flowId === link.flowId && !isPresentationOpen(row);
}
