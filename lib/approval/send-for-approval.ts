import { canSendForApproval, type Actor } from '@/lib/auth/policy';
import { xmlOfState } from '@/lib/bpmn/records';
import { scopeOf } from '@/lib/coediting/flow-scope';
import { db } from '@/lib/db/client';
import { approvalSelect, toApprovalState, toApprovalView, type ApprovalView } from '@/lib/db/flows/approvals';
import { stateAtVersionIn } from '@/lib/db/flows/flow-head';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { appendRevision, REVISION_TX_OPTIONS } from '@/lib/db/flows/save-revision';
import { sqlOf } from '@/lib/db/sql';
import type { Prisma } from '@/lib/db/generated/client';
import { send, supersede } from '@/lib/domain/approval/approval-machine';
import { AppError } from '@/lib/errors';
import { auditApproval as audit } from './approval-audit';
import { lockFlowForApproval } from './lock-flow';

type Tx = Prisma.TransactionClient;

/**
 * Sends `version` to every participating organisation for approval. Under the flow's row lock (the
 * same lock commits take, so the version and the participants cannot move underneath): a pending
 * approval is superseded, and the version gets a revision if it has none, so what is approved and later
 * published is a stored, append-only document.
 */
export async function sendForApproval(actor: Actor, flow: FlowDetail, version: number): Promise<ApprovalView> {
  if (!canSendForApproval(actor, scopeOf(flow))) {
    throw new AppError('FORBIDDEN', 'Only admins of the owner organisation may send a version for approval.');
  }
  return db.$transaction(async (tx) => {
    const locked = await lockFlowForApproval(tx, flow.id);
    const current = await tx.flowApproval.findFirst({ where: { flowId: flow.id, status: 'PENDING' }, select: approvalSelect });
    const result = send(version, locked.headVersion, locked.organisationIds, current ? toApprovalState(current) : null);
    if (!result.ok) {
      throw new AppError('INVALID', `This flow has no version ${version}; the newest is version ${locked.headVersion}.`, {
        field: 'version',
        reason: result.reason,
      });
    }
    if (current && result.supersedes && supersede(toApprovalState(current)).ok) {
      await tx.flowApproval.update({ where: { id: current.id }, data: { status: 'SUPERSEDED', endedAt: new Date() } });
      await audit(tx, actor, flow, 'flow.approval.superseded', { approvalId: current.id, version: current.version, by: version });
    }
    await ensureRevision(tx, flow, version, actor.userId);
    const created = await tx.flowApproval.create({
      data: {
        flowId: flow.id,
        version,
        requestedById: actor.userId,
        organisations: { create: result.state.organisations.map((o) => ({ organisationId: o.organisationId })) },
      },
      select: approvalSelect,
    });
    await audit(tx, actor, flow, 'flow.approval.requested', { approvalId: created.id, version });
    return toApprovalView(created);
  }, REVISION_TX_OPTIONS);
}

/**
 * A version between two checkpoints has no revision yet: take one of the state the change log already
 * holds (as the automatic checkpoints do), authored by whoever made that version.
 */
async function ensureRevision(tx: Tx, flow: FlowDetail, version: number, fallbackAuthorId: string): Promise<void> {
  const existing = await tx.flowRevision.findUnique({ where: { flowId_version: { flowId: flow.id, version } }, select: { id: true } });
  if (existing) return;
  const change = await tx.flowChange.findUnique({ where: { flowId_version: { flowId: flow.id, version } }, select: { authorId: true } });
  const sql = sqlOf(tx);
  await appendRevision(sql, {
    flowId: flow.id,
    ownerOrganisationId: flow.owner.id,
    authorId: change?.authorId ?? fallbackAuthorId,
    version,
    xml: await xmlOfState(await stateAtVersionIn(sql, flow.id, version)),
    message: null,
    auditAction: 'flow.checkpoint.approval',
  });
}
