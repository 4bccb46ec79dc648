import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { canOnOrganisation } from '@/lib/auth/policy';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { listFlowsPageForActor } from '@/lib/db/flows/list-flows';
import { listPendingInvitations } from '@/lib/db/invitations';
import { listMembersPage } from '@/lib/db/memberships';
import { getOrganisationForActor } from '@/lib/db/organisations';
import { listRolesPage } from '@/lib/db/roles';
import { parsePrefixedListParams } from '@/lib/validation/list-query';
import { idSchema } from '@/lib/validation/organisations';
import { withParams } from '@/components/list/pagination';
import { MemberList } from '@/components/organisation/member-list';
import { OrganisationDetails } from '@/components/organisation/organisation-details';
import { ProcessGroups } from '@/components/organisation/process-groups';
import { RoleCatalogue } from '@/components/organisation/role-catalogue';
import {
  changeAccessAction,
  createRoleAction,
  inviteMemberAction,
  removeMemberAction,
  setApproverAction,
  revokeInvitationAction,
  setRoleArchivedAction,
  updateRoleAction,
} from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Processes shown per category here; the rest are on the home page's list, filtered to this organisation. */
const PROCESSES_PER_GROUP = 10;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const user = await requireSessionUser(`/organisations/${id}`);
  const actor = await loadActor(user.id);
  // Only a member learns the name; anyone else gets the 404 page's title.
  if (!idSchema.safeParse(id).success || !canOnOrganisation(actor, id, 'organisation.view')) return {};
  return { title: (await getOrganisationForActor(actor, id)).name };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const raw = await searchParams;
  // Two lists with their own search and page: members (?mq=&mpage=) and roles (?rq=&rpage=).
  const memberQuery = parsePrefixedListParams(raw, 'm');
  const roleQuery = parsePrefixedListParams(raw, 'r');
  const state = { mq: memberQuery.q, mpage: memberQuery.page, rq: roleQuery.q, rpage: roleQuery.page };
  const href = (change: Partial<typeof state>) => withParams(`/organisations/${id}`, { ...state, ...change });
  const user = await requireSessionUser(`/organisations/${id}`);
  const actor = await loadActor(user.id);
  if (!idSchema.safeParse(id).success || !canOnOrganisation(actor, id, 'organisation.view')) notFound();

  const tl = await getTranslations('landscape');
  const can = (action: Parameters<typeof canOnOrganisation>[2]) => canOnOrganisation(actor, id, action);
  const processes = (category: 'CORE' | 'SUPPORT' | 'MANAGEMENT') =>
    listFlowsPageForActor(actor, { organisationId: id, category, pageSize: PROCESSES_PER_GROUP });
  const [organisation, roles, core, support, management, members, invitations] = await Promise.all([
    getOrganisationForActor(actor, id),
    listRolesPage(actor, id, roleQuery),
    processes('CORE'),
    processes('SUPPORT'),
    processes('MANAGEMENT'),
    can('organisation.viewMembers') ? listMembersPage(actor, id, memberQuery) : null,
    can('organisation.viewMembers') ? listPendingInvitations(actor, id) : null,
  ]);

  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{organisation.name}</h1>
      <p className="mt-1">
        <Link href={`/organisations/${id}/landscape`} className="text-brand underline">
          {tl('link')}
        </Link>
      </p>
      <OrganisationDetails organisation={organisation} />
      <RoleCatalogue
        organisation={organisation}
        result={roles}
        list={{
          q: roleQuery.q,
          keep: { mq: state.mq, mpage: String(state.mpage) },
          href: (rpage) => href({ rpage }),
          clearHref: href({ rq: '', rpage: 1 }),
        }}
        manage={can('organisation.manageRoles') ? { create: createRoleAction, update: updateRoleAction, setArchived: setRoleArchivedAction } : undefined}
      />
      {members && invitations && (
        <MemberList
          organisation={organisation}
          currentUserId={user.id}
          result={members}
          list={{
            q: memberQuery.q,
            keep: { rq: state.rq, rpage: String(state.rpage) },
            href: (mpage) => href({ mpage }),
            clearHref: href({ mq: '', mpage: 1 }),
          }}
          invitations={invitations}
          manage={
            can('organisation.manageMembers')
              ? { invite: inviteMemberAction, changeAccess: changeAccessAction, remove: removeMemberAction, revoke: revokeInvitationAction, setApprover: setApproverAction }
              : undefined
          }
        />
      )}
      <ProcessGroups organisationId={id} groups={{ CORE: core, SUPPORT: support, MANAGEMENT: management }} canCreate={can('flow.create')} />
    </main>
  );
}
