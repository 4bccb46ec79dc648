import { describe, expect, it } from 'vitest';
import {
  ACCESS_PERMISSIONS,
  allows,
  approvingOrganisations,
  canKeepIndicators,
  canSendForApproval,
  canCreateFlows,
  canOnFlow,
  canOnOrganisation,
  canSeeFlow,
  canSeeRole,
  organisationsSeeingFlows,
  organisationsWhere,
  type Access,
  type Actor,
  type FlowAction,
  type OrganisationAction,
} from './policy';

// The expected matrix is written out by hand, independently of ACCESS_PERMISSIONS: if someone widens
// or narrows a level in policy.ts, this table is what they must consciously change too.
const LEVELS: Access[] = ['VIEWER', 'EDITOR', 'ADMIN'];
const ORG_ACTIONS: OrganisationAction[] = [
  'organisation.view',
  'organisation.viewMembers',
  'organisation.manageMembers',
  'organisation.manageRoles',
  'flow.create',
  'flow.approve',
  'organisation.manageLandscape',
];
const FLOW_ACTIONS: FlowAction[] = ['flow.view', 'flow.edit', 'flow.administer'];

const ORG_EXPECTED: Record<Access, Record<OrganisationAction, boolean>> = {
  VIEWER: {
    'organisation.view': true,
    'organisation.viewMembers': false,
    'organisation.manageMembers': false,
    'organisation.manageRoles': false,
    'flow.create': false,
    'flow.approve': false,
    'organisation.manageLandscape': false,
  },
  EDITOR: {
    'organisation.view': true,
    'organisation.viewMembers': false,
    'organisation.manageMembers': false,
    'organisation.manageRoles': false,
    'flow.create': true,
    'flow.approve': false,
    'organisation.manageLandscape': false,
  },
  ADMIN: {
    'organisation.view': true,
    'organisation.viewMembers': true,
    'organisation.manageMembers': true,
    'organisation.manageRoles': true,
    'flow.create': true,
    'flow.approve': true,
    'organisation.manageLandscape': true,
  },
};

/** Where the actor's membership sits relative to the flow. */
type FlowPosition = 'owner' | 'participant';
const FLOW_EXPECTED: Record<FlowPosition, Record<Access, Record<FlowAction, boolean>>> = {
  owner: {
    VIEWER: { 'flow.view': true, 'flow.edit': false, 'flow.administer': false },
    EDITOR: { 'flow.view': true, 'flow.edit': true, 'flow.administer': false },
    ADMIN: { 'flow.view': true, 'flow.edit': true, 'flow.administer': true },
  },
  participant: {
    VIEWER: { 'flow.view': true, 'flow.edit': false, 'flow.administer': false },
    EDITOR: { 'flow.view': true, 'flow.edit': true, 'flow.administer': false },
    // Administering a flow (metadata, participants) belongs to the owner organisation's admins only.
    ADMIN: { 'flow.view': true, 'flow.edit': true, 'flow.administer': false },
  },
};

const ORG_A = 'org-a';
const ORG_B = 'org-b';
const ORG_C = 'org-c';

function actorWith(...memberships: { organisationId: string; access: Access }[]): Actor {
  return { userId: 'user-1', memberships };
}

const flowOwnedByAWithB = { ownerOrganisationId: ORG_A, participantOrganisationIds: [ORG_A, ORG_B] };

describe('organisation permissions', () => {
  for (const access of LEVELS) {
    for (const action of ORG_ACTIONS) {
      const expected = ORG_EXPECTED[access][action];
      it(`${access} member ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(canOnOrganisation(actorWith({ organisationId: ORG_A, access }), ORG_A, action)).toBe(expected);
      });
      it(`${access} of another organisation may not ${action}`, () => {
        expect(canOnOrganisation(actorWith({ organisationId: ORG_B, access }), ORG_A, action)).toBe(false);
      });
    }
  }

  it('a user with no memberships may do nothing', () => {
    for (const action of ORG_ACTIONS) expect(canOnOrganisation(actorWith(), ORG_A, action)).toBe(false);
  });

  it('access in one organisation does not leak into another', () => {
    const actor = actorWith({ organisationId: ORG_A, access: 'ADMIN' }, { organisationId: ORG_B, access: 'VIEWER' });
    expect(canOnOrganisation(actor, ORG_A, 'organisation.manageMembers')).toBe(true);
    expect(canOnOrganisation(actor, ORG_B, 'organisation.manageMembers')).toBe(false);
    expect(canOnOrganisation(actor, ORG_B, 'organisation.view')).toBe(true);
  });
});

describe('flow permissions', () => {
  const positions: Record<FlowPosition, string> = { owner: ORG_A, participant: ORG_B };
  for (const position of Object.keys(positions) as FlowPosition[]) {
    for (const access of LEVELS) {
      for (const action of FLOW_ACTIONS) {
        const expected = FLOW_EXPECTED[position][access][action];
        it(`${access} of the ${position} organisation ${expected ? 'may' : 'may not'} ${action}`, () => {
          const actor = actorWith({ organisationId: positions[position], access });
          expect(canOnFlow(actor, flowOwnedByAWithB, action)).toBe(expected);
        });
      }
      it(`${access} of the ${position} organisation sees the flow`, () => {
        expect(canSeeFlow(actorWith({ organisationId: positions[position], access }), flowOwnedByAWithB)).toBe(true);
      });
    }
  }

  for (const access of LEVELS) {
    for (const action of FLOW_ACTIONS) {
      it(`${access} of a non-participating organisation may not ${action}`, () => {
        expect(canOnFlow(actorWith({ organisationId: ORG_C, access }), flowOwnedByAWithB, action)).toBe(false);
      });
    }
    it(`${access} of a non-participating organisation does not see the flow`, () => {
      expect(canSeeFlow(actorWith({ organisationId: ORG_C, access }), flowOwnedByAWithB)).toBe(false);
    });
  }

  it('a user with no memberships sees no flow', () => {
    for (const action of FLOW_ACTIONS) expect(canOnFlow(actorWith(), flowOwnedByAWithB, action)).toBe(false);
  });

  it('the owner counts even when not listed among the participants', () => {
    const flow = { ownerOrganisationId: ORG_A, participantOrganisationIds: [ORG_B] };
    expect(canOnFlow(actorWith({ organisationId: ORG_A, access: 'EDITOR' }), flow, 'flow.edit')).toBe(true);
  });

  it('the strongest membership among the participants decides', () => {
    const actor = actorWith({ organisationId: ORG_A, access: 'VIEWER' }, { organisationId: ORG_B, access: 'EDITOR' });
    expect(canOnFlow(actor, flowOwnedByAWithB, 'flow.edit')).toBe(true);
    expect(canOnFlow(actor, flowOwnedByAWithB, 'flow.administer')).toBe(false);
  });
});

describe('organisationsWhere', () => {
  const actor = actorWith(
    { organisationId: ORG_A, access: 'VIEWER' },
    { organisationId: ORG_B, access: 'EDITOR' },
    { organisationId: ORG_C, access: 'ADMIN' },
  );
  for (const action of ORG_ACTIONS) {
    it(`lists exactly the organisations allowing ${action}`, () => {
      const expected = [ORG_A, ORG_B, ORG_C].filter((_, i) => ORG_EXPECTED[LEVELS[i]!][action]);
      expect(organisationsWhere(actor, action)).toEqual(expected);
    });
  }
});

describe('canCreateFlows', () => {
  it('is true with editor or admin access somewhere, false for a viewer everywhere or no membership', () => {
    expect(canCreateFlows(actorWith({ organisationId: ORG_A, access: 'VIEWER' }, { organisationId: ORG_B, access: 'VIEWER' }))).toBe(false);
    expect(canCreateFlows(actorWith())).toBe(false);
    expect(canCreateFlows(actorWith({ organisationId: ORG_A, access: 'VIEWER' }, { organisationId: ORG_B, access: 'EDITOR' }))).toBe(true);
    expect(canCreateFlows(actorWith({ organisationId: ORG_C, access: 'ADMIN' }))).toBe(true);
  });
});

describe('ACCESS_PERMISSIONS table', () => {
  it('matches the hand-written matrix for every level and action', () => {
    for (const access of LEVELS) {
      for (const action of ORG_ACTIONS) expect(allows(access, action)).toBe(ORG_EXPECTED[access][action]);
      for (const action of FLOW_ACTIONS) expect(allows(access, action)).toBe(FLOW_EXPECTED.owner[access][action]);
      expect(new Set(ACCESS_PERMISSIONS[access]).size).toBe(ACCESS_PERMISSIONS[access].length);
    }
  });

  it('no access allows nothing', () => {
    for (const action of [...ORG_ACTIONS, ...FLOW_ACTIONS]) expect(allows(undefined, action)).toBe(false);
  });

  it('each level includes everything the level below allows', () => {
    expect(ACCESS_PERMISSIONS.VIEWER.every((a) => ACCESS_PERMISSIONS.EDITOR.includes(a))).toBe(true);
    expect(ACCESS_PERMISSIONS.EDITOR.every((a) => ACCESS_PERMISSIONS.ADMIN.includes(a))).toBe(true);
  });
});

describe('canSeeRole', () => {
  const role = { organisationId: 'org-k', sharingOrganisationIds: ['org-r'] };
  const member = (organisationId: string, access: 'VIEWER' | 'EDITOR' | 'ADMIN') => ({ userId: 'u', memberships: [{ organisationId, access }] });
  it.each(['VIEWER', 'EDITOR', 'ADMIN'] as const)('a %s of its own organisation or of one sharing a flow with it sees it', (access) => {
    expect(canSeeRole(member('org-k', access), role)).toBe(true);
    expect(canSeeRole(member('org-r', access), role)).toBe(true);
  });
  it('a member of an organisation sharing no flow with it does not', () => {
    expect(canSeeRole(member('org-x', 'ADMIN'), role)).toBe(false);
    expect(canSeeRole({ userId: 'u', memberships: [] }, role)).toBe(false);
  });
});

describe('organisationsSeeingFlows', () => {
  it('lists the organisations whose members see a flow they take part in: every access level', () => {
    const actor = { userId: 'u', memberships: [{ organisationId: 'a', access: 'VIEWER' as const }, { organisationId: 'b', access: 'ADMIN' as const }] };
    expect(organisationsSeeingFlows(actor)).toEqual(['a', 'b']);
    for (const { organisationId } of actor.memberships) {
      expect(canSeeFlow(actor, { ownerOrganisationId: 'x', participantOrganisationIds: [organisationId] })).toBe(true);
    }
  });
});

describe('approval (issue 15)', () => {
  const flow = { ownerOrganisationId: 'kommun', participantOrganisationIds: ['kommun', 'region'] };
  const member = (organisationId: string, access: Access): Actor => ({ userId: 'u', memberships: [{ organisationId, access }] });

  it('only admins of the owner organisation send a version for approval', () => {
    expect(canSendForApproval(member('kommun', 'ADMIN'), flow)).toBe(true);
    expect(canSendForApproval(member('kommun', 'EDITOR'), flow)).toBe(false);
    expect(canSendForApproval(member('region', 'ADMIN'), flow)).toBe(false);
  });

  it('an admin approves for their own organisation only; editors and viewers for none', () => {
    expect(approvingOrganisations(member('region', 'ADMIN'), ['kommun', 'region'])).toEqual(['region']);
    expect(approvingOrganisations(member('region', 'EDITOR'), ['kommun', 'region'])).toEqual([]);
    expect(approvingOrganisations(member('school', 'ADMIN'), ['kommun', 'region'])).toEqual([]);
    const both: Actor = { userId: 'u', memberships: [{ organisationId: 'kommun', access: 'ADMIN' }, { organisationId: 'region', access: 'ADMIN' }] };
    expect(approvingOrganisations(both, ['kommun', 'region'])).toEqual(['kommun', 'region']);
  });

  it('a member the admins named approver approves for that organisation only, whatever their access', () => {
    const named: Actor = { userId: 'u', memberships: [{ organisationId: 'region', access: 'VIEWER', approver: true }, { organisationId: 'kommun', access: 'EDITOR' }] };
    expect(approvingOrganisations(named, ['kommun', 'region'])).toEqual(['region']);
  });

  it('indicators are kept by editors of a participating organisation, not viewers', () => {
    expect(canKeepIndicators(member('region', 'EDITOR'), flow)).toBe(true);
    expect(canKeepIndicators(member('region', 'VIEWER'), flow)).toBe(false);
  });
});
