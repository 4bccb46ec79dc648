import { hashSecret } from '@/lib/auth/tokens';
import { db } from './client';

export type TokenOwner = { id: string; email: string; name: string };

/** The active owner of a bearer token, or null. Marks the token used (at most once a minute). */
export async function findTokenOwner(token: string): Promise<TokenOwner | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name };
}
