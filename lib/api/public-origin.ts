import { env } from '@/lib/env';

/** The origin links shared outside the app are built on: NEXTAUTH_URL when set (behind a proxy), else the request's. */
export function publicOrigin(req: Request): string {
  return new URL(env.NEXTAUTH_URL ?? req.url).origin;
}
