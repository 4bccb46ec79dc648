import type { Actor } from '@/lib/auth/policy';
import { db } from '../client';
import { getFlowForActor } from './get-flow';

export type RevisionSummary = {
  version: number;
  author: { id: string; name: string };
  createdAt: Date;
  message: string | null;
};

/** The flow's history, newest first, without the XML. */
export async function listRevisions(actor: Actor, flowId: string): Promise<RevisionSummary[]> {
  const flow = await getFlowForActor(actor, flowId, 'flow.view');
  const rows = await db.flowRevision.findMany({
    where: { flowId: flow.id },
    orderBy: { version: 'desc' },
    select: { version: true, createdAt: true, message: true, author: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({ version: r.version, author: r.author, createdAt: r.createdAt, message: r.message }));
}
