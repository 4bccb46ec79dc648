import { randomUUID } from 'node:crypto';
import { recordAuditIn } from '../audit';
import type { Sql } from '../sql';

export type AppendRevisionInput = {
  flowId: string;
  ownerOrganisationId: string;
  authorId: string;
  /** The version the revision captures; the commit that made it has already been written. */
  version: number;
  /** moddle's normal form of the state at that version. */
  xml: string;
  message?: string | null;
  /** What the audit trail calls it; defaults to a saved revision; null when the caller audits it itself. */
  auditAction?: string | null;
};

/** Long enough for a queue of concurrent commits waiting on the flow's row lock (Prisma transactions). */
export const REVISION_TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * The ONE writer of FlowRevision (checkpoints: named versions, whole-document saves, restores and the
 * automatic ones), always inside the transaction of the commit whose state it captures. Revisions
 * are append-only; the unique (flowId, version) index is the last line of defence.
 */
export async function appendRevision(sql: Sql, input: AppendRevisionInput): Promise<void> {
  await sql.execute(
    `INSERT INTO "FlowRevision" ("id", "flowId", "version", "bpmnXml", "authorId", "message") VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), input.flowId, input.version, input.xml, input.authorId, input.message || null],
  );
  if (input.auditAction === null) return;
  await recordAuditIn(sql, {
    actorId: input.authorId,
    action: input.auditAction ?? 'flow.revision.saved',
    objectType: 'Flow',
    objectId: input.flowId,
    organisationId: input.ownerOrganisationId,
    data: { version: input.version, ...(input.message ? { message: input.message } : {}) },
  });
}
