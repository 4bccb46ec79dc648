import type { PoolRights } from '@/lib/domain/records/rights';
// The ONE place that decides who may see and do what. Pages, server actions and API routes ask these
// functions; nothing else decides. Pure: callers load the actor's memberships and the object first.

export type Access = 'VIEWER' | 'EDITOR' | 'ADMIN';

export type OrganisationAction =
  | 'organisation.view'
  | 'organisation.viewMembers'
  | 'organisation.manageMembers'
  | 'organisation.manageRoles'
  | 'flow.create'
  /** Approve or reject a flow version on behalf of the organisation (issue 15: its admins, and the members they name: approvingOrganisations). */
  | 'flow.approve'
  /** Describe the organisation's processes in its process landscape. */
  | 'organisation.manageLandscape';

export type FlowAction = 'flow.view' | 'flow.edit' | 'flow.administer';

export type Action = OrganisationAction | FlowAction;

/** Permissions as data: what each access level in an organisation allows there. */
export const ACCESS_PERMISSIONS: Record<Access, readonly Action[]> = {
  VIEWER: ['organisation.view', 'flow.view'],
  EDITOR: ['organisation.view', 'flow.view', 'flow.edit', 'flow.create'],
  ADMIN: [
    'organisation.view',
    'organisation.viewMembers',
    'organisation.manageMembers',
    'organisation.manageRoles',
    'flow.view',
    'flow.edit',
    'flow.create',
    'flow.administer',
    'flow.approve',
    'organisation.manageLandscape',
  ],
};

export type Actor = {
  userId: string;
  /** approver: named by the organisation's admins to approve flow versions (admins approve anyway). */
  memberships: ReadonlyArray<{ organisationId: string; access: Access; approver?: boolean }>;
};

/** What policy needs to know of a flow. */
export type FlowScope = {
  ownerOrganisationId: string;
  participantOrganisationIds: readonly string[];
};

function accessIn(actor: Actor, organisationId: string): Access | undefined {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.access;
}

export function allows(access: Access | undefined, action: Action): boolean {
  return access !== undefined && ACCESS_PERMISSIONS[access].includes(action);
}

export function canOnOrganisation(actor: Actor, organisationId: string, action: OrganisationAction): boolean {
  return allows(accessIn(actor, organisationId), action);
}

/** A user sees a flow their organisation takes part in. Outside reach, callers answer 404, not 403. */
export function canSeeFlow(actor: Actor, flow: FlowScope): boolean {
  return canOnFlow(actor, flow, 'flow.view');
}

/**
 * flow.view and flow.edit: through any participating organisation (the co-editing issue narrows edit
 * to one's own pool, enforced from the diff). flow.administer (metadata, participants): admins of the
 * owner organisation.
 */
export function canOnFlow(actor: Actor, flow: FlowScope, action: FlowAction): boolean {
  if (action === 'flow.administer') return allows(accessIn(actor, flow.ownerOrganisationId), action);
  const orgs = new Set([flow.ownerOrganisationId, ...flow.participantOrganisationIds]);
  return [...orgs].some((orgId) => allows(accessIn(actor, orgId), action));
}

/** Organisations in which the actor may do `action` (e.g. which may own a new flow). */
export function organisationsWhere(actor: Actor, action: OrganisationAction): string[] {
  return actor.memberships.filter((m) => allows(m.access, action)).map((m) => m.organisationId);
}

/**
 * Who may change which pool of a shared flow (the co-editing rule): elements inside the pools of
 * organisations where the actor is editor or admin; a handover (message flow) from either side; pools
 * themselves and the flow's settings only as admin of the owner organisation. lib/domain/records/rights
 * applies this to each change, with each element's owner taken from the stored state.
 */
export function poolRightsOf(actor: Actor, flow: FlowScope): PoolRights {
  const orgs = new Set([flow.ownerOrganisationId, ...flow.participantOrganisationIds]);
  return {
    ownerOrganisationId: flow.ownerOrganisationId,
    editableOrganisationIds: new Set([...orgs].filter((orgId) => allows(accessIn(actor, orgId), 'flow.edit'))),
    ownerAdmin: allows(accessIn(actor, flow.ownerOrganisationId), 'flow.administer'),
  };
}

/** Whether the actor may create or import a flow in at least one organisation (what the header offers). */
export function canCreateFlows(actor: Actor): boolean {
  return organisationsWhere(actor, 'flow.create').length > 0;
}

/** What policy needs to know of a role: its organisation, and the organisations that share a flow with it. */
export type RoleScope = {
  organisationId: string;
  sharingOrganisationIds: readonly string[];
};

/**
 * A role (and its review across flows) is visible to members of its organisation and of organisations
 * sharing a flow with it; outside that reach callers answer 404. What it lists is cut down further to
 * the flows the actor may see (canSeeFlow).
 */
export function canSeeRole(actor: Actor, role: RoleScope): boolean {
  return [role.organisationId, ...role.sharingOrganisationIds].some((orgId) => allows(accessIn(actor, orgId), 'organisation.view'));
}

/**
 * Organisations through which the actor sees flows: a flow is visible when one of these takes part in it
 * (the owner always does). For queries across many flows that cannot ask canSeeFlow row by row.
 */
export function organisationsSeeingFlows(actor: Actor): string[] {
  return actor.memberships.filter((m) => allows(m.access, 'flow.view')).map((m) => m.organisationId);
}

/** What policy needs to know of a workshop presentation (issue 13). */
export type PresentationScope = {
  presenterId: string;
  expiresAt: Date;
  endedAt: Date | null;
  guestRevokedAt: Date | null;
};

/** A session runs until the presenter ends it or it expires; after that its links answer 410. */
export function isPresentationOpen(p: PresentationScope, now: Date = new Date()): boolean {
  return p.endedAt === null && p.expiresAt.getTime() > now.getTime();
}

/** Only the person who started a session moves or ends it; followers and guests only watch. */
export function canDrivePresentation(actor: Actor, p: PresentationScope): boolean {
  return actor.userId === p.presenterId;
}

/**
 * A guest link (no account) shows its session's flow version while the session is open and the link
 * has not been revoked on its own. It grants nothing else: no flow list, no other version, no API.
 */
export function isGuestLinkOpen(p: PresentationScope, now: Date = new Date()): boolean {
  return isPresentationOpen(p, now) && p.guestRevokedAt === null;
}

// Comments and suggestions (issue 14). Whoever may view a flow may comment on it; the organisation a
// suggestion is addressed to decides on it; a thread is resolved by its author or any editor.

/** What policy needs to know of a comment. */
export type CommentScope = { authorId: string; addressedToOrganisationId: string | null };

/** Anyone who may view the flow may comment, reply and suggest (workshop participants are often viewers). */
export function canComment(actor: Actor, flow: FlowScope): boolean {
  return canSeeFlow(actor, flow);
}

/** Accept or reject a suggestion: editors and admins of the organisation it is addressed to, nobody else. */
export function canDecideSuggestion(actor: Actor, comment: CommentScope): boolean {
  return comment.addressedToOrganisationId !== null && allows(accessIn(actor, comment.addressedToOrganisationId), 'flow.edit');
}

/** Resolve or reopen a thread: its author, or an editor of either organisation of the flow. */
export function canResolveComment(actor: Actor, flow: FlowScope, comment: CommentScope): boolean {
  return (comment.authorId === actor.userId && canSeeFlow(actor, flow)) || canOnFlow(actor, flow, 'flow.edit');
}

/** Edit or delete a comment: only its author, and only while they still see the flow. */
export function canChangeOwnComment(actor: Actor, flow: FlowScope, comment: CommentScope): boolean {
  return comment.authorId === actor.userId && canSeeFlow(actor, flow);
}

/** Organisations whose suggestions wait for the actor: where they may decide (editor or admin). */
export function organisationsDecidingSuggestions(actor: Actor): string[] {
  return actor.memberships.filter((m) => allows(m.access, 'flow.edit')).map((m) => m.organisationId);
}

/** Sending a version of a flow for approval: admins of the owner organisation, who steward the flow. */
export function canSendForApproval(actor: Actor, flow: FlowScope): boolean {
  return canOnFlow(actor, flow, 'flow.administer');
}

/**
 * The organisations, among those asked to approve, on whose behalf the actor approves or rejects: those
 * where they are admin or a named approver. Each organisation's approval covers its own pool and the
 * handovers it takes part in.
 */
export function approvingOrganisations(actor: Actor, organisationIds: readonly string[]): string[] {
  return organisationIds.filter((orgId) => canOnOrganisation(actor, orgId, 'flow.approve') || isNamedApprover(actor, orgId));
}

/** A member the organisation's admins named approver; any access level may be named, even a viewer. */
function isNamedApprover(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.approver === true);
}

/** Indicators (follow-up of time limits) are kept by those who edit the flow. */
export function canKeepIndicators(actor: Actor, flow: FlowScope): boolean {
  return canOnFlow(actor, flow, 'flow.edit');
}
