import type { Prisma } from '@/lib/db/generated/client';
import { recordAudit } from '../audit';

type Tx = Prisma.TransactionClient;

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

/** Long enough for a queue of concurrent commits waiting on the flow's row lock. */
export const REVISION_TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * The ONE writer of FlowRevision (checkpoints: named versions, whole-document saves, restores and the
 * automatic ones), always inside the transaction of the commit whose state it captures. Revisions
 * are append-only; the unique (flowId, version) index is the last line of defence.
 */
export async function appendRevision(tx: Tx, input: AppendRevisionInput): Promise<void> {
  await tx.flowRevision.create({
    data: { flowId: input.flowId, version: input.version, bpmnXml: input.xml, authorId: input.authorId, message: input.message || null },
  });
  if (input.auditAction === null) return;
  await recordAudit(
    {
      actorId: input.authorId,
      action: input.auditAction ?? 'flow.revision.saved',
      objectType: 'Flow',
      objectId: input.flowId,
      organisationId: input.ownerOrganisationId,
      data: { version: input.version, ...(input.message ? { message: input.message } : {}) },
    },
    tx,
  );
}
