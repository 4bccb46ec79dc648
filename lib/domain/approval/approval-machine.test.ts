import { describe, expect, it } from 'vitest';
import { decide, draftStanding, send, startApproval, supersede, type ApprovalState } from './approval-machine';

const KOMMUN = 'kommun';
const REGION = 'region';

function pending(version = 4): ApprovalState {
  return startApproval(version, [KOMMUN, REGION]);
}

function ok<T extends { ok: boolean }>(t: T): Extract<T, { ok: true }> {
  if (!t.ok) throw new Error(`refused: ${JSON.stringify(t)}`);
  return t as Extract<T, { ok: true }>;
}

describe('startApproval', () => {
  it('starts pending with every organisation undecided, each once', () => {
    expect(startApproval(3, [KOMMUN, REGION, KOMMUN])).toEqual({
      version: 3,
      status: 'pending',
      organisations: [
        { organisationId: KOMMUN, status: 'pending' },
        { organisationId: REGION, status: 'pending' },
      ],
    });
  });

  it('refuses an approval nobody could give', () => {
    expect(() => startApproval(1, [])).toThrow();
  });
});

describe('decide', () => {
  it('pending → pending when one of two approves, not yet published', () => {
    const t = ok(decide(pending(), KOMMUN, 'approve'));
    expect(t.state.status).toBe('pending');
    expect(t.published).toBe(false);
    expect(t.state.organisations).toEqual([
      { organisationId: KOMMUN, status: 'approved' },
      { organisationId: REGION, status: 'pending' },
    ]);
  });

  it('pending → approved (published) when the last organisation approves, in either order', () => {
    const first = ok(decide(pending(), REGION, 'approve')).state;
    const t = ok(decide(first, KOMMUN, 'approve'));
    expect(t.state.status).toBe('approved');
    expect(t.published).toBe(true);
    expect(t.state.version).toBe(4);
  });

  it('a single-organisation flow is published by its one approval', () => {
    const t = ok(decide(startApproval(2, [KOMMUN]), KOMMUN, 'approve'));
    expect(t.published).toBe(true);
  });

  it('pending → rejected by one rejection, even after the other approved', () => {
    const first = ok(decide(pending(), KOMMUN, 'approve')).state;
    const t = ok(decide(first, REGION, 'reject'));
    expect(t.state.status).toBe('rejected');
    expect(t.published).toBe(false);
    expect(t.state.organisations.find((o) => o.organisationId === REGION)?.status).toBe('rejected');
  });

  it('refuses a second decision by the same organisation', () => {
    const first = ok(decide(pending(), KOMMUN, 'approve')).state;
    expect(decide(first, KOMMUN, 'approve')).toEqual({ ok: false, reason: 'ALREADY_DECIDED' });
    expect(decide(first, KOMMUN, 'reject')).toEqual({ ok: false, reason: 'ALREADY_DECIDED' });
  });

  it('refuses any decision once the approval has ended (approved, rejected, superseded)', () => {
    const rejected = ok(decide(pending(), KOMMUN, 'reject')).state;
    expect(decide(rejected, REGION, 'approve')).toEqual({ ok: false, reason: 'APPROVAL_ENDED' });
    const approved = ok(decide(ok(decide(pending(), KOMMUN, 'approve')).state, REGION, 'approve')).state;
    expect(decide(approved, REGION, 'reject')).toEqual({ ok: false, reason: 'APPROVAL_ENDED' });
    const superseded = ok(supersede(pending())).state;
    expect(decide(superseded, KOMMUN, 'approve')).toEqual({ ok: false, reason: 'APPROVAL_ENDED' });
  });

  it('refuses an organisation that does not take part', () => {
    expect(decide(pending(), 'school', 'approve')).toEqual({ ok: false, reason: 'NOT_PARTICIPANT' });
  });
});

describe('supersede and send (re-sending)', () => {
  it('pending → superseded, keeping the decisions given', () => {
    const first = ok(decide(pending(), KOMMUN, 'approve')).state;
    const t = ok(supersede(first));
    expect(t.state.status).toBe('superseded');
    expect(t.state.organisations[0]).toEqual({ organisationId: KOMMUN, status: 'approved' });
  });

  it('cannot supersede an approval that has ended', () => {
    expect(supersede(ok(decide(pending(), KOMMUN, 'reject')).state)).toEqual({ ok: false, reason: 'APPROVAL_ENDED' });
  });

  it('sending while one is pending supersedes it; after a rejection it simply starts again', () => {
    expect(ok(send(5, 5, [KOMMUN, REGION], pending(4))).supersedes).toBe(true);
    const rejected = ok(decide(pending(4), REGION, 'reject')).state;
    const again = ok(send(5, 5, [KOMMUN, REGION], rejected));
    expect(again.supersedes).toBe(false);
    expect(again.state).toEqual(startApproval(5, [KOMMUN, REGION]));
  });

  it('refuses a version that does not exist', () => {
    expect(send(6, 5, [KOMMUN], null)).toEqual({ ok: false, reason: 'NO_SUCH_VERSION' });
    expect(send(0, 5, [KOMMUN], null)).toEqual({ ok: false, reason: 'NO_SUCH_VERSION' });
    expect(send(1.5, 5, [KOMMUN], null)).toEqual({ ok: false, reason: 'NO_SUCH_VERSION' });
  });
});

describe('draftStanding: a new revision during approval', () => {
  it('the head being approved is not marked as changed', () => {
    expect(draftStanding(4, null, pending(4))).toEqual({ draftAhead: false, changedDuringApproval: false, headUnderApproval: true });
  });

  it('a change committed after sending marks the head as not the version being approved, and leaves the approval as it was', () => {
    const approval = pending(4);
    expect(draftStanding(5, null, approval)).toEqual({ draftAhead: false, changedDuringApproval: true, headUnderApproval: false });
    // The approval still covers version 4 and can be completed.
    const t = ok(decide(ok(decide(approval, KOMMUN, 'approve')).state, REGION, 'approve'));
    expect(t.state.version).toBe(4);
    expect(t.published).toBe(true);
  });

  it('editing after publication makes a draft ahead of the published version', () => {
    expect(draftStanding(7, 4, null)).toEqual({ draftAhead: true, changedDuringApproval: false, headUnderApproval: false });
    expect(draftStanding(4, 4, null).draftAhead).toBe(false);
  });

  it('an ended approval marks nothing', () => {
    const rejected = ok(decide(pending(4), KOMMUN, 'reject')).state;
    expect(draftStanding(6, null, rejected)).toEqual({ draftAhead: false, changedDuringApproval: false, headUnderApproval: false });
  });
});
