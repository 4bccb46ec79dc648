import { approvingOrganisations, type Actor } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { approvalSelect, toApprovalState, toApprovalView, type ApprovalView } from '@/lib/db/flows/approvals';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { REVISION_TX_OPTIONS } from '@/lib/db/flows/save-revision';
import { decide, type ApprovalState, type Decision } from '@/lib/domain/approval/approval-machine';
import { AppError } from '@/lib/errors';
import { auditApproval } from './approval-audit';
import { lockFlowForApproval } from './lock-flow';

export type DecisionInput = { decision: Decision; comment?: string };

/**
 * An approver's decision, for every organisation asked whose approver they are (its admins, and members they named). 404 for
 * an approval of another flow; 403 for someone who approves for none of them; 409 once all of theirs
 * have decided or the approval has ended. When the last organisation approves, the version is
 * published in the same transaction: there is no moment where everyone approved and nothing is in force.
 */
export async function decideApproval(actor: Actor, flow: FlowDetail, approvalId: string, input: DecisionInput): Promise<ApprovalView> {
  return db.$transaction(async (tx) => {
    await lockFlowForApproval(tx, flow.id);
    const row = await tx.flowApproval.findFirst({ where: { id: approvalId, flowId: flow.id }, select: approvalSelect });
    if (!row) throw new AppError('NOT_FOUND', 'This flow has no such approval.');
    const mine = approvingOrganisations(actor, row.organisations.map((o) => o.organisationId));
    if (mine.length === 0) {
      throw new AppError('FORBIDDEN', 'Only an approver (an admin, or a member the admins named) of a participating organisation may approve or reject.');
    }
    let state: ApprovalState = toApprovalState(row);
    let published = false;
    const decided: string[] = [];
    if (state.status !== 'pending') throw ended(state);
    for (const organisationId of mine) {
      // A rejection for one of the actor's organisations ends it; nothing more to decide.
      if (state.status !== 'pending') break;
      const t = decide(state, organisationId, input.decision);
      if (!t.ok) continue;
      state = t.state;
      published ||= t.published;
      decided.push(organisationId);
    }
    if (decided.length === 0) {
      throw new AppError('CONFLICT', 'Your organisation has already decided on this version.', { reason: 'ALREADY_DECIDED' });
    }
    const now = new Date();
    for (const organisationId of decided) {
      await tx.flowApprovalOrganisation.update({
        where: { approvalId_organisationId: { approvalId, organisationId } },
        data: { status: input.decision === 'approve' ? 'APPROVED' : 'REJECTED', decidedById: actor.userId, comment: input.comment || null, decidedAt: now },
      });
      const action = input.decision === 'approve' ? 'flow.approval.approved' : 'flow.approval.rejected';
      await auditApproval(tx, actor, flow, action, { approvalId, version: row.version, ...(input.comment ? { comment: input.comment } : {}) }, organisationId);
    }
    if (state.status !== 'pending') {
      await tx.flowApproval.update({ where: { id: approvalId }, data: { status: state.status === 'approved' ? 'APPROVED' : 'REJECTED', endedAt: now } });
    }
    if (published) {
      // Raw SQL: Prisma's @updatedAt would move "updatedAt", which means "last change" to the commit path.
      await tx.$executeRaw`UPDATE "Flow" SET "publishedVersion" = ${row.version}, "publishedAt" = ${now} WHERE "id" = ${flow.id}`;
      await auditApproval(tx, actor, flow, 'flow.published', { approvalId, version: row.version });
    }
    const after = await tx.flowApproval.findUniqueOrThrow({ where: { id: approvalId }, select: approvalSelect });
    return toApprovalView(after);
  }, REVISION_TX_OPTIONS);
}

function ended(state: ApprovalState): AppError {
  return new AppError('CONFLICT', `This approval has ended (${state.status}); ask the owner to send the version again.`, {
    reason: 'APPROVAL_ENDED',
    status: state.status,
  });
}
