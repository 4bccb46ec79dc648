import { poolRightsOf, type Actor } from '@/lib/auth/policy';
import { assertKnownTypes } from '@/lib/bpmn/known-types';
import { commitChanges, type CommitResult } from '@/lib/db/flows/commit-changes';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import type { ChangeBatch } from '@/lib/validation/changes';
import { scopeOf } from './flow-scope';

/**
 * One batch from an editor (one bpmn-js command): the author's pool rights, then the one commit path.
 * The flow was loaded through policy (flow.edit) by the route wrapper.
 */
export async function commitBatch(actor: Actor, flow: FlowDetail, batch: ChangeBatch): Promise<CommitResult> {
  assertKnownTypes(batch.ops);
  return commitChanges({
    flowId: flow.id,
    authorId: actor.userId,
    batchId: batch.batchId,
    ops: batch.ops,
    rights: poolRightsOf(actor, scopeOf(flow)),
  });
}
