import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { canOnOrganisation } from '@/lib/auth/policy';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { listFlowsOfOrganisation } from '@/lib/db/flows/list-flows';
import { listPendingInvitations } from '@/lib/db/invitations';
import { listMembers } from '@/lib/db/memberships';
import { getOrganisationForActor } from '@/lib/db/organisations';
import { listRoles } from '@/lib/db/roles';
import { idSchema } from '@/lib/validation/organisations';
import { MemberList } from '@/components/organisation/member-list';
import { OrganisationDetails } from '@/components/organisation/organisation-details';
import { ProcessGroups } from '@/components/organisation/process-groups';
import { RoleCatalogue } from '@/components/organisation/role-catalogue';
import {
  changeAccessAction,
  createRoleAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInvitationAction,
  setRoleArchivedAction,
  updateRoleAction,
} from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await requireSessionUser(`/organisations/${id}`);
  const actor = await loadActor(user.id);
  // Only a member learns the name; anyone else gets the 404 page's title.
  if (!idSchema.safeParse(id).success || !canOnOrganisation(actor, id, 'organisation.view')) return {};
  return { title: (await getOrganisationForActor(actor, id)).name };
}

export default async function OrganisationPage({ params }: Props) {
  const { id } = await params;
  const user = await requireSessionUser(`/organisations/${id}`);
  const actor = await loadActor(user.id);
  if (!idSchema.safeParse(id).success || !canOnOrganisation(actor, id, 'organisation.view')) notFound();

  const can = (action: Parameters<typeof canOnOrganisation>[2]) => canOnOrganisation(actor, id, action);
  const [organisation, roles, flows, members, invitations] = await Promise.all([
    getOrganisationForActor(actor, id),
    listRoles(actor, id),
    listFlowsOfOrganisation(actor, id),
    can('organisation.viewMembers') ? listMembers(actor, id) : null,
    can('organisation.viewMembers') ? listPendingInvitations(actor, id) : null,
  ]);

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{organisation.name}</h1>
      <OrganisationDetails organisation={organisation} />
      <RoleCatalogue
        organisation={organisation}
        roles={roles}
        manage={can('organisation.manageRoles') ? { create: createRoleAction, update: updateRoleAction, setArchived: setRoleArchivedAction } : undefined}
      />
      {members && invitations && (
        <MemberList
          organisation={organisation}
          currentUserId={user.id}
          members={members}
          invitations={invitations}
          manage={
            can('organisation.manageMembers')
              ? { invite: inviteMemberAction, changeAccess: changeAccessAction, remove: removeMemberAction, revoke: revokeInvitationAction }
              : undefined
          }
        />
      )}
      <ProcessGroups flows={flows} canCreate={can('flow.create')} />
    </main>
  );
}
