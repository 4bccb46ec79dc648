import type { Prisma } from './generated/client';
import { db } from './client';

// The session generation of each user (User.sessionVersion): the cookie says which one it was issued
// in, getSessionUser compares it with this column on every request, so bumping it signs the user out
// of every browser on every app instance at their next request.

/** The generation a new session of this user is issued in. */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** Ends every session of the user; inside `tx` when the reason for it is written in the same transaction. */
export async function endSessions(userId: string, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
