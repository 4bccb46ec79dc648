import type { Actor } from '@/lib/auth/policy';
import { diffBpmn, type FlowDiff } from '@/lib/domain/diff-bpmn';
import { getFlowForActor } from './get-flow';
import { findRevision, readStoredBpmn, type RevisionXml } from './get-revision-xml';

export type RevisionMeta = { version: number; authorName: string; createdAt: Date; message: string | null };
export type RevisionDiff = FlowDiff & { from: RevisionMeta; to: RevisionMeta };

function metaOf(r: RevisionXml): RevisionMeta {
  return { version: r.version, authorName: r.authorName, createdAt: r.createdAt, message: r.message };
}

/** What changed between two revisions of a flow (either order; 404 for a version that does not exist). */
export async function diffRevisions(actor: Actor, flowId: string, from: number, to: number): Promise<RevisionDiff> {
  const flow = await getFlowForActor(actor, flowId, 'flow.view');
  const [older, newer] = await Promise.all([findRevision(flow, from), findRevision(flow, to)]);
  const [before, after] = await Promise.all([readStoredBpmn(older.xml), readStoredBpmn(newer.xml)]);
  return { ...diffBpmn(before, after, flow.owner.id), from: metaOf(older), to: metaOf(newer) };
}
