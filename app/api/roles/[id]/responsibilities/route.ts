import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { getRoleReview } from '@/lib/db/role-responsibilities';

/** Where the role is R, A, C or I across the flows the caller may see; 404 outside the role's reach. */
export const GET = withUser<{ id: string }>(async ({ actor, params }) => {
  const { role, items } = await getRoleReview(actor, params.id);
  return NextResponse.json({
    role: { id: role.id, name: role.name, organisationId: role.organisationId },
    items: items.map((i) => ({ flowId: i.flowId, flowName: i.flowName, elementId: i.elementId, name: i.name, letters: i.letters })),
  });
});
