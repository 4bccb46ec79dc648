import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { canOnOrganisation } from '@/lib/auth/policy';
import { listMembers } from '@/lib/db/memberships';
import { getOrganisationForActor } from '@/lib/db/organisations';
import { listRoles } from '@/lib/db/roles';
import { AppError } from '@/lib/errors';
import { organisationParamsSchema } from '@/lib/validation/organisations';

/** One of the caller's organisations (404 otherwise): its roles always, its members for admins only. */
export const GET = withUser<{ id: string }>(async ({ actor, params }) => {
  const parsed = organisationParamsSchema.safeParse(params);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such organisation.');
  const { id } = parsed.data;
  const organisation = await getOrganisationForActor(actor, id);
  const roles = await listRoles(actor, id);
  const members = canOnOrganisation(actor, id, 'organisation.viewMembers') ? await listMembers(actor, id) : undefined;
  return NextResponse.json({ organisation: { ...organisation, roles, ...(members ? { members } : {}) } });
});
