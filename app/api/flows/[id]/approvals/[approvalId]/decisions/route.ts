import { NextResponse } from 'next/server';
import { parseJsonBody, withUser } from '@/lib/api/route';
import { decideApproval } from '@/lib/approval/decide-approval';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import { AppError } from '@/lib/errors';
import { approvalDecisionSchema, approvalIdSchema } from '@/lib/validation/approvals';

/** `{decision: "approve"|"reject", comment?}` by an approver of a participating organisation → 200 the approval. */
export const POST = withUser<{ id: string; approvalId: string }>(async ({ actor, params, req }) => {
  const flow = await getFlowForActor(actor, params.id, 'flow.view');
  const input = await parseJsonBody(req, approvalDecisionSchema);
  if (!approvalIdSchema.safeParse(params.approvalId).success) throw new AppError('NOT_FOUND', 'This flow has no such approval.');
  return NextResponse.json(await decideApproval(actor, flow, params.approvalId, input));
});
