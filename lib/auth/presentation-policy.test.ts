import { describe, expect, it } from 'vitest';
import { canDrivePresentation, isGuestLinkOpen, isPresentationOpen, type Actor, type PresentationScope } from './policy';

const now = new Date('2026-12-02T10:00:00Z');
const open: PresentationScope = { presenterId: 'u1', expiresAt: new Date('2026-12-02T18:00:00Z'), endedAt: null, guestRevokedAt: null };
const actor = (userId: string): Actor => ({ userId, memberships: [] });

describe('presentation policy', () => {
  it('only the presenter drives a session', () => {
    expect(canDrivePresentation(actor('u1'), open)).toBe(true);
    expect(canDrivePresentation(actor('u2'), open)).toBe(false);
  });

  it('a session is open until it ends or expires; a guest link also until it is revoked', () => {
    expect(isPresentationOpen(open, now)).toBe(true);
    expect(isGuestLinkOpen(open, now)).toBe(true);
    expect(isPresentationOpen({ ...open, endedAt: now }, now)).toBe(false);
    expect(isPresentationOpen({ ...open, expiresAt: now }, now)).toBe(false);
    const revoked = { ...open, guestRevokedAt: now };
    expect(isPresentationOpen(revoked, now)).toBe(true);
    expect(isGuestLinkOpen(revoked, now)).toBe(false);
    expect(isGuestLinkOpen({ ...open, endedAt: now }, now)).toBe(false);
  });
});
