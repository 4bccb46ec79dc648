import { randomUUID } from 'node:crypto';
import type { Prisma } from './generated/client';
import { db } from './client';
import type { Sql } from './sql';

export type AuditInput = {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  organisationId?: string | null;
  data?: Prisma.InputJsonValue;
};

/** A client or an open transaction: the audit row commits together with the change it records. */
type Writer = Pick<Prisma.TransactionClient, 'auditEvent'>;

/** Records who did what to which object. Every mutation calls this, inside its own transaction when it has one. */
export async function recordAudit(input: AuditInput, tx: Writer = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      organisationId: input.organisationId ?? null,
      data: input.data,
    },
  });
}

/** The same row, for a transaction spoken to in SQL (a commit's checkpoint: see sql.ts). */
export async function recordAuditIn(sql: Sql, input: AuditInput): Promise<void> {
  await sql.execute(
    `INSERT INTO "AuditEvent" ("id", "actorId", "action", "objectType", "objectId", "organisationId", "data")
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [randomUUID(), input.actorId, input.action, input.objectType, input.objectId, input.organisationId ?? null, input.data === undefined ? null : JSON.stringify(input.data)],
  );
}
