// The approval of a flow version (fastställande) as a pure state machine: a version is sent, each
// participating organisation approves or rejects it once, and it is published when the last one
// approves. The database layer loads the state, asks `decide`/`supersede`, and writes what comes back.

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'superseded';
export type OrganisationDecision = 'pending' | 'approved' | 'rejected';

export type OrganisationApproval = { organisationId: string; status: OrganisationDecision };

export type ApprovalState = {
  version: number;
  status: ApprovalStatus;
  organisations: readonly OrganisationApproval[];
};

export type Decision = 'approve' | 'reject';

/** Why a transition is refused: the approval is over, or this organisation has already decided. */
export type Refusal = { ok: false; reason: 'APPROVAL_ENDED' | 'ALREADY_DECIDED' | 'NOT_PARTICIPANT' };

export type Transition = { ok: true; state: ApprovalState; published: boolean } | Refusal;

/** A new request: every participating organisation (the owner included) starts undecided. */
export function startApproval(version: number, organisationIds: readonly string[]): ApprovalState {
  const unique = [...new Set(organisationIds)];
  if (unique.length === 0) throw new Error('An approval needs at least one organisation.');
  return { version, status: 'pending', organisations: unique.map((organisationId) => ({ organisationId, status: 'pending' })) };
}

/**
 * One organisation's decision. A rejection ends the approval at once (the version is not in force; the
 * owner fixes and sends again); the last approval publishes it.
 */
export function decide(state: ApprovalState, organisationId: string, decision: Decision): Transition {
  if (state.status !== 'pending') return { ok: false, reason: 'APPROVAL_ENDED' };
  const own = state.organisations.find((o) => o.organisationId === organisationId);
  if (!own) return { ok: false, reason: 'NOT_PARTICIPANT' };
  if (own.status !== 'pending') return { ok: false, reason: 'ALREADY_DECIDED' };
  const organisations = state.organisations.map((o) =>
    o.organisationId === organisationId ? { organisationId, status: decision === 'approve' ? ('approved' as const) : ('rejected' as const) } : o,
  );
  if (decision === 'reject') return { ok: true, state: { ...state, status: 'rejected', organisations }, published: false };
  const all = organisations.every((o) => o.status === 'approved');
  return { ok: true, state: { ...state, status: all ? 'approved' : 'pending', organisations }, published: all };
}

/** A newer request replaces a pending one; decisions already given on it stay as they were. */
export function supersede(state: ApprovalState): Transition {
  if (state.status !== 'pending') return { ok: false, reason: 'APPROVAL_ENDED' };
  return { ok: true, state: { ...state, status: 'superseded' }, published: false };
}

/**
 * Sending a version: refused only for a version that does not exist yet. A pending approval is
 * superseded by it (`previous` says which to end); after a rejection or a publication it simply starts.
 */
export function send(
  version: number,
  headVersion: number,
  organisationIds: readonly string[],
  current: ApprovalState | null,
): { ok: true; state: ApprovalState; supersedes: boolean } | { ok: false; reason: 'NO_SUCH_VERSION' } {
  if (!Number.isSafeInteger(version) || version < 1 || version > headVersion) return { ok: false, reason: 'NO_SUCH_VERSION' };
  return { ok: true, state: startApproval(version, organisationIds), supersedes: current?.status === 'pending' };
}

/** What the flow's screens say about the draft (the head) against what is approved and in force. */
export type DraftStanding = {
  /** The head is newer than the published version: it is a draft, not the routine in force. */
  draftAhead: boolean;
  /** Approval is under way for an older version: the head is NOT the version being approved. */
  changedDuringApproval: boolean;
  /** The head itself is the version being approved. */
  headUnderApproval: boolean;
};

/** Edits keep committing while a version is being approved; they never change what is being approved. */
export function draftStanding(headVersion: number, publishedVersion: number | null, pending: Pick<ApprovalState, 'status' | 'version'> | null): DraftStanding {
  const underApproval = pending?.status === 'pending' ? pending.version : null;
  return {
    draftAhead: publishedVersion !== null && headVersion > publishedVersion,
    changedDuringApproval: underApproval !== null && headVersion > underApproval,
    headUnderApproval: underApproval !== null && headVersion === underApproval,
  };
}
