import type { Prisma } from './generated/client';
import { db } from './client';

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
