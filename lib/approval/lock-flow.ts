import type { Prisma } from '@/lib/db/generated/client';
import { AppError } from '@/lib/errors';

type Tx = Prisma.TransactionClient;

/**
 * Takes the flow's row lock, the same one every commit takes (lib/db/flows/flow-head.ts), and reads the
 * head version and the participating organisations after it: sending, deciding and publishing queue
 * behind commits and each other, always in the same order (flow first, then its approvals), so they
 * cannot deadlock.
 */
export async function lockFlowForApproval(tx: Tx, flowId: string): Promise<{ headVersion: number; organisationIds: string[] }> {
  const rows = await tx.$queryRaw<{ headVersion: number; ownerOrganisationId: string; archivedAt: Date | null }[]>`
    SELECT "headVersion", "ownerOrganisationId", "archivedAt" FROM "Flow" WHERE "id" = ${flowId} FOR UPDATE`;
  const row = rows[0];
  if (!row || row.archivedAt) throw new AppError('NOT_FOUND', 'No such flow, or you do not have access to it.');
  const participants = await tx.flowParticipant.findMany({ where: { flowId }, select: { organisationId: true } });
  const others = participants.map((p) => p.organisationId).filter((id) => id !== row.ownerOrganisationId);
  return { headVersion: row.headVersion, organisationIds: [row.ownerOrganisationId, ...others.sort()] };
}
