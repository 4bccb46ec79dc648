import type { Op } from '@/lib/domain/records/types';
import { db } from '../client';

export type CommittedChange = {
  flowId: string;
  version: number;
  batchId: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  ops: Op[];
};

export type ChangesAfter = { changes: CommittedChange[] } | { reset: true; headVersion: number };

/** At most this many changes in one answer; a client further behind reloads the head instead. */
export const MAX_CATCH_UP = 500;

/**
 * The committed changes after `after`, oldest first: what a client that saw version `after` needs
 * to catch up. When the log cannot bridge the gap (too far behind, or versions from before the log
 * existed), the answer says to reload the head.
 */
export async function listChangesAfter(flowId: string, after: number, headVersion: number): Promise<ChangesAfter> {
  if (after >= headVersion) return { changes: [] };
  if (headVersion - after > MAX_CATCH_UP) return { reset: true, headVersion };
  const rows = await db.flowChange.findMany({
    where: { flowId, version: { gt: after } },
    orderBy: { version: 'asc' },
    take: MAX_CATCH_UP,
    select: { version: true, batchId: true, authorId: true, createdAt: true, ops: true, author: { select: { name: true } } },
  });
  if (rows.length === 0 || rows[0]!.version !== after + 1) return { reset: true, headVersion };
  return {
    changes: rows.map((r) => ({
      flowId,
      version: r.version,
      batchId: r.batchId,
      authorId: r.authorId,
      authorName: r.author.name,
      createdAt: r.createdAt.toISOString(),
      ops: r.ops as unknown as Op[],
    })),
  };
}

export async function currentHeadVersion(flowId: string): Promise<number | null> {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { headVersion: true, archivedAt: true } });
  return flow && !flow.archivedAt ? flow.headVersion : null;
}
