import { PRESENCE_CHANNEL, type PresenceNotice } from '@/lib/realtime/channels';
import { db } from './client';

/** A screen not heard from for this long has left (clients say they are there every few seconds). */
export const PRESENCE_TTL_MS = 10_000;

export type PresentPerson = {
  clientId: string;
  userId: string;
  name: string;
  organisationName: string | null;
  colour: string | null;
  mode: 'view' | 'edit';
  selection: string[];
};

/** One row per open screen, in the database so every app instance sees every screen. */
export async function markPresent(
  flowId: string,
  userId: string,
  input: { clientId: string; mode: 'view' | 'edit'; selection: string[] },
): Promise<void> {
  const selection = JSON.stringify(input.selection);
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO "FlowPresence" ("flowId", "clientId", "userId", "mode", "selection", "lastSeen")
      VALUES (${flowId}, ${input.clientId}, ${userId}, ${input.mode}, ${selection}::jsonb, now())
      ON CONFLICT ("flowId", "clientId") DO UPDATE
        SET "mode" = EXCLUDED."mode", "selection" = EXCLUDED."selection", "lastSeen" = now()
        WHERE "FlowPresence"."userId" = EXCLUDED."userId"`,
    notifyPresence(flowId),
  ]);
}

export async function markGone(flowId: string, userId: string, clientId: string): Promise<void> {
  await db.$transaction([
    db.$executeRaw`DELETE FROM "FlowPresence" WHERE "flowId" = ${flowId} AND "clientId" = ${clientId} AND "userId" = ${userId}`,
    notifyPresence(flowId),
  ]);
}

function notifyPresence(flowId: string) {
  const notice: PresenceNotice = { flowId };
  return db.$executeRaw`SELECT pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(notice)})`;
}

type PresenceRow = { clientId: string; userId: string; name: string; mode: string; selection: unknown; organisationName: string | null; colour: string | null };

/** Who has the flow open now, with the colour of the organisation they take part through. */
export async function listPresent(flowId: string): Promise<PresentPerson[]> {
  const since = new Date(Date.now() - PRESENCE_TTL_MS);
  const rows = await db.$queryRaw<PresenceRow[]>`
    SELECT p."clientId", p."userId", u."name", p."mode", p."selection",
           (SELECT o."name" FROM "Membership" m JOIN "FlowParticipant" fp ON fp."organisationId" = m."organisationId" AND fp."flowId" = p."flowId"
              JOIN "Organisation" o ON o."id" = m."organisationId" WHERE m."userId" = p."userId" ORDER BY o."name" LIMIT 1) AS "organisationName",
           (SELECT o."colour" FROM "Membership" m JOIN "FlowParticipant" fp ON fp."organisationId" = m."organisationId" AND fp."flowId" = p."flowId"
              JOIN "Organisation" o ON o."id" = m."organisationId" WHERE m."userId" = p."userId" ORDER BY o."name" LIMIT 1) AS "colour"
    FROM "FlowPresence" p JOIN "User" u ON u."id" = p."userId"
    WHERE p."flowId" = ${flowId} AND p."lastSeen" > ${since}
    ORDER BY u."name", p."clientId"`;
  return rows.map((r) => ({
    clientId: r.clientId,
    userId: r.userId,
    name: r.name,
    organisationName: r.organisationName,
    colour: r.colour,
    mode: r.mode === 'edit' ? 'edit' : 'view',
    selection: Array.isArray(r.selection) ? r.selection.filter((s): s is string => typeof s === 'string') : [],
  }));
}
