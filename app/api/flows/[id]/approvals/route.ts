import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { sendForApproval } from '@/lib/approval/send-for-approval';
import { listApprovals } from '@/lib/db/flows/approvals';
import { sendForApprovalSchema } from '@/lib/validation/approvals';

/** Every approval of the flow, newest first. */
export const GET = withFlow('flow.view', async ({ flow }) => {
  return NextResponse.json({ approvals: await listApprovals(flow.id) }, { headers: { 'Cache-Control': 'private, no-cache' } });
});

/** `{version}` → 201 the approval, pending for every participating organisation (owner admins only). */
export const POST = withFlow('flow.view', async ({ flow, actor, req }) => {
  const { version } = await parseJsonBody(req, sendForApprovalSchema);
  return NextResponse.json(await sendForApproval(actor, flow, version), { status: 201 });
});
