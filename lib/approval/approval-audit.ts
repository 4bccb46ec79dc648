import type { Actor } from '@/lib/auth/policy';
import { recordAudit } from '@/lib/db/audit';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import type { Prisma } from '@/lib/db/generated/client';

/** Approval, rejection and publication go into the flow's audit trail, in the transaction that does them. */
export async function auditApproval(
  tx: Prisma.TransactionClient,
  actor: Actor,
  flow: Pick<FlowDetail, 'id' | 'owner'>,
  action: string,
  data: Prisma.InputJsonValue,
  organisationId: string = flow.owner.id,
): Promise<void> {
  await recordAudit({ actorId: actor.userId, action, objectType: 'Flow', objectId: flow.id, organisationId, data }, tx);
}
