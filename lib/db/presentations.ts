import { randomInt } from 'node:crypto';
import { PRESENTATION_CHANNEL, type PresentationNotice } from '@/lib/realtime/channels';
import { Prisma } from './generated/client';
import { db } from './client';

// Workshop presentations (issue 13). Every move is a row update and a notification in one
// transaction: followers on any app instance read the row when told, and the periodic catch-up of
// their stream reads it anyway, so a lost notification delays a follower by seconds, never forever.

export type PresentationRow = {
  id: string;
  code: string;
  flowId: string;
  presenterId: string;
  version: number;
  stepCount: number;
  stepIndex: number;
  overview: boolean;
  expiresAt: Date;
  guestRevokedAt: Date | null;
  endedAt: Date | null;
};

const select = {
  id: true,
  code: true,
  flowId: true,
  presenterId: true,
  version: true,
  stepCount: true,
  stepIndex: true,
  overview: true,
  expiresAt: true,
  guestRevokedAt: true,
  endedAt: true,
} as const;

// No 0/O, 1/I/L: a code is read aloud and typed from a projector.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newPresentationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export async function insertPresentation(input: {
  flowId: string;
  presenterId: string;
  version: number;
  stepCount: number;
  expiresAt: Date;
}): Promise<PresentationRow> {
  // 31^6 ≈ 900 million codes: a clash is rare; try again with a new one when it happens.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.presentation.create({ data: { ...input, code: newPresentationCode() }, select });
    } catch (e) {
      const clash = e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
      if (!clash || attempt >= 5) throw e;
    }
  }
}

export async function findPresentationByCode(code: string): Promise<PresentationRow | null> {
  return db.presentation.findUnique({ where: { code }, select });
}

function notify(row: { flowId: string; code: string }) {
  const notice: PresentationNotice = { flowId: row.flowId, code: row.code };
  return db.$executeRaw`SELECT pg_notify(${PRESENTATION_CHANNEL}, ${JSON.stringify(notice)})`;
}

/** Moves an open session; false when it ended meanwhile (the caller answers 410). */
export async function updatePresentationStep(row: PresentationRow, stepIndex: number, overview: boolean): Promise<boolean> {
  const [updated] = await db.$transaction([
    db.presentation.updateMany({ where: { id: row.id, endedAt: null }, data: { stepIndex, overview } }),
    notify(row),
  ]);
  return updated.count === 1;
}

/** Ends a session for good; false when it had already ended. */
export async function markPresentationEnded(row: PresentationRow): Promise<boolean> {
  const [updated] = await db.$transaction([
    db.presentation.updateMany({ where: { id: row.id, endedAt: null }, data: { endedAt: new Date() } }),
    notify(row),
  ]);
  return updated.count === 1;
}

export async function markGuestLinkRevoked(row: PresentationRow): Promise<void> {
  await db.$transaction([
    db.presentation.updateMany({ where: { id: row.id, guestRevokedAt: null }, data: { guestRevokedAt: new Date() } }),
    notify(row),
  ]);
}
