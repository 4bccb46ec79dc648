import type { Actor } from '@/lib/auth/policy';
import { API_TOKEN_PREFIX, generateSecret, hashSecret } from '@/lib/auth/tokens';
import { membershipsColumn } from './actors';
import { recordAudit } from './audit';
import { db, readRows } from './client';

export type TokenOwner = { id: string; email: string; name: string };
/** The owner, and what policy needs of them (their memberships), from the same statement. */
export type TokenCaller = { user: TokenOwner; actor: Actor };

/** What the profile page shows of a token: never the token nor its hash. */
export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export type CreatedApiToken = ApiTokenSummary & { token: string };

/** Enough of the token to tell tokens apart ("stf_Ab3x"), far too little to guess the rest. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 4;

type TokenRow = { id: string; active: boolean; lastUsedAt: Date | null; userId: string; email: string; name: string; memberships: Actor['memberships'] };

/**
 * The active owner of a bearer token with their memberships, or null. Marks the token used (at most
 * once a minute). Read on every API call of a script, in one statement through the driver: asked
 * again each time, never remembered, so a revoked token, a disabled account or a removed membership
 * counts at once on every instance.
 */
export async function findTokenOwner(token: string): Promise<TokenCaller | null> {
  const [row] = await readRows<TokenRow>(
    `SELECT t."id", t."revokedAt" IS NULL AND u."disabledAt" IS NULL AS "active", t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt",
            u."id" AS "userId", u."email", u."name", ${membershipsColumn('u."id"')} AS "memberships"
     FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
     WHERE t."tokenHash" = $1`,
    [hashSecret(token)],
  );
  if (!row?.active) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { user: { id: row.userId, email: row.email, name: row.name }, actor: { userId: row.userId, memberships: row.memberships } };
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a personal token; the returned `token` is the only time anyone sees it (only its hash is kept). */
export async function createApiToken(userId: string, name: string): Promise<CreatedApiToken> {
  const token = generateSecret(API_TOKEN_PREFIX);
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId, name, tokenHash: hashSecret(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH) },
      select: summarySelect,
    });
    await recordAudit({ actorId: userId, action: 'apiToken.create', objectType: 'ApiToken', objectId: row.id, data: { name } }, tx);
    return { ...row, token };
  });
}

/** The user's tokens, newest first, revoked ones included so the owner sees what happened. */
export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  return db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, select: summarySelect });
}

/** Revokes one of the user's own tokens. False when it is not theirs or already revoked. */
export async function revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAudit({ actorId: userId, action: 'apiToken.revoke', objectType: 'ApiToken', objectId: tokenId }, tx);
    return true;
  });
}
