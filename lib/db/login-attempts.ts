import type { RecentFailures } from '@/lib/domain/sign-in-throttle';
import { db } from './client';

export type LoginAttemptInput = { email: string; ip: string; succeeded: boolean; at: Date };

export async function recordLoginAttempt(input: LoginAttemptInput): Promise<void> {
  await db.loginAttempt.create({
    data: { email: input.email, ip: input.ip, succeeded: input.succeeded, createdAt: input.at },
  });
}

/**
 * Failures inside [since, now] that count towards a lock-out: for the account only those after its
 * latest success (signing in proves the owner is back), for the address all of them (one good
 * account must not cover guessing at others from the same place).
 */
export async function loadRecentFailures(email: string, ip: string, since: Date, now: Date): Promise<RecentFailures> {
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since, lte: now } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [account, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gt: accountSince, lte: now } },
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip, succeeded: false, createdAt: { gt: since, lte: now } },
      select: { createdAt: true },
    }),
  ]);
  return { account: account.map((r) => r.createdAt), ip: byIp.map((r) => r.createdAt) };
}
